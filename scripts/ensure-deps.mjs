// Installs dependencies when they are missing or older than package-lock.json. Node built-ins only,
// because it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function needsInstall() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(marker)) return true;
  const lock = path.join(root, 'package-lock.json');
  return existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs;
}

export function ensureDependencies() {
  if (!needsInstall()) return;
  // A node_modules that links to another checkout's belongs to that checkout: npm ci here would
  // empty it for both.
  const modules = path.join(root, 'node_modules');
  if (existsSync(modules) && lstatSync(modules).isSymbolicLink()) {
    console.log('roundtrip: node_modules is a link to another folder; not installing into it (run npm ci where it points).');
    return;
  }
  const hasLock = existsSync(path.join(root, 'package-lock.json'));
  const args = hasLock ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  console.log(`roundtrip: installing dependencies (npm ${args[0]}) ...`);
  const result = spawnSync('npm', args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`roundtrip: npm ${args[0]} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}
