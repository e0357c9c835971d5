// `npm test`: install dependencies if needed, build, type-check, run the unit tests, then the browser
// tests in Debian's Chromium. Without Chromium the browser tests are skipped loudly; with CI set,
// a missing Chromium fails the run instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureDependencies, root } from './ensure-deps.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const bin = (name) => `${root}/node_modules/.bin/${name}`;

function step(title, command, args, env = {}) {
  console.log(`\n== ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n${title}: FAILED (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
  console.log(`== ${title}: ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

ensureDependencies();
step('build', process.execPath, ['build.mjs']);
step('type check (tsc --noEmit, strict)', bin('tsc'), ['--noEmit', '-p', '.']);
step('unit tests (vitest)', bin('vitest'), ['run', '--project', 'unit']);

if (existsSync(chromiumPath)) {
  step('browser tests (vitest + playwright-core + Chromium)', bin('vitest'), ['run', '--project', 'browser'], {
    ROUNDTRIP_SKIP_BUILD: '1',
  });
} else if (process.env.CI) {
  console.error(`\nbrowser tests: Chromium not found at ${chromiumPath}, and CI is set: failing.`);
  console.error('Install it with: apt-get install -y chromium');
  process.exit(1);
} else {
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n!! BROWSER TESTS SKIPPED: Chromium not found at ${chromiumPath}.`);
  console.warn('!! Install it with `apt-get install -y chromium` (or set CHROMIUM_PATH) to run them.');
  console.warn(`${bar}`);
}
console.log('\nall tests passed');
