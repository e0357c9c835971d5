// Builds Roundtrip into dist/: the browser app (dist/app.js, index.html, data/) and the CLI (dist/cli.mjs).
// Usage: node build.mjs [--dev]   (--dev: no minification)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeValidators } from './scripts/generate-validators.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, 'dist');
const dev = process.argv.includes('--dev');

export async function buildAll({ quiet = false } = {}) {
  const started = Date.now();
  writeValidators();
  await rm(dist, { recursive: true, force: true });
  await mkdir(path.join(dist, 'data', 'schema'), { recursive: true });
  const common = {
    bundle: true,
    sourcemap: true,
    logLevel: quiet ? 'error' : 'warning',
    tsconfig: path.join(root, 'tsconfig.json'),
    legalComments: 'none',
  };
  const browserBundle = (entry, out) =>
    build({
      ...common,
      entryPoints: [path.join(root, entry)],
      outfile: path.join(dist, out),
      format: 'esm',
      platform: 'browser',
      target: ['chrome110', 'firefox115', 'safari16'],
      minify: !dev,
    });
  await Promise.all([
    browserBundle('src/app/main.ts', 'app.js'),
    browserBundle('src/view/layout-worker.ts', 'layout-worker.js'),
    build({
      ...common,
      entryPoints: [path.join(root, 'src/cli/main.ts')],
      outfile: path.join(dist, 'cli.mjs'),
      format: 'esm',
      platform: 'node',
      mainFields: ['module', 'main'],
      target: 'node20',
      banner: { js: '#!/usr/bin/env node' },
    }),
    cp(path.join(root, 'src/app/index.html'), path.join(dist, 'index.html')),
    cp(path.join(root, 'src/app/icon.svg'), path.join(dist, 'icon.svg')),
    cp(path.join(root, 'data/entities.json'), path.join(dist, 'data/entities.json')),
    cp(path.join(root, 'data/deals.json'), path.join(dist, 'data/deals.json')),
    cp(path.join(root, 'data/schema'), path.join(dist, 'data/schema'), { recursive: true }),
  ]);
  // The shipped data set's picture, computed once here so the page opens without laying it out.
  const layout = spawnSync(process.execPath, [path.join(dist, 'cli.mjs'), 'layout', '--data', path.join(root, 'data'), '--out', path.join(dist, 'data/layout.json')], { encoding: 'utf8' });
  if (layout.status !== 0) throw new Error(`precomputing the layout failed:\n${layout.stderr}`);
  if (!quiet) console.log(`built dist/ in ${Date.now() - started} ms`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildAll().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
