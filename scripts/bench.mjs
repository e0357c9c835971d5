// `npm run bench`: bundles bench/bench.ts with esbuild and runs it with the garbage collector
// exposed (for the memory figure). Pass --quick for a shorter run, --only circularity,date-order (or
// other sections) for part of it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { ensureDependencies, root } from './ensure-deps.mjs';

ensureDependencies();
const { build } = await import('esbuild');
// ROUNDTRIP_CACHE moves the bundle, the peers' Python environment and the bench's data elsewhere.
const outDir = process.env.ROUNDTRIP_CACHE ?? path.join(root, 'node_modules', '.cache', 'roundtrip');
mkdirSync(outDir, { recursive: true });
// The packages left out of the bundle are found from the bundle's folder: outside the project, a
// link to the project's node_modules beside it.
const besideModules = path.join(outDir, 'node_modules');
if (!path.resolve(outDir).startsWith(path.join(root, 'node_modules')) && !existsSync(besideModules)) {
  symlinkSync(path.join(root, 'node_modules'), besideModules, 'dir');
}
const outfile = path.join(outDir, 'bench.mjs');
await build({
  entryPoints: [path.join(root, 'bench/bench.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  mainFields: ['module', 'main'],
  // Playwright, esbuild (which bundles the browser bench's peer page) and highs (which loads its
  // WebAssembly from beside its script) stay normal dependencies: they find their own files at run
  // time.
  external: ['playwright-core', 'esbuild', 'highs'],
  logLevel: 'error',
});
const result = spawnSync(process.execPath, ['--expose-gc', outfile, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env: { ...process.env, ROUNDTRIP_ROOT: root } });
process.exit(result.status ?? 1);
