// Builds Roundtrip into dist/: the browser app (dist/app.js, index.html, data/) and the CLI (dist/cli.mjs).
// Usage: node build.mjs [--dev]   (--dev: no minification)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeValidators } from './scripts/generate-validators.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, 'dist');
const dev = process.argv.includes('--dev');

/**
 * index.html with a modulepreload link for every chunk app.js imports statically, so the browser
 * fetches them alongside app.js instead of after reading it.
 */
async function writeIndexHtml(metafile) {
  const app = metafile.outputs[path.relative(root, path.join(dist, 'app.js'))];
  if (!app) throw new Error('the build wrote no app.js');
  const chunks = new Set();
  const visit = (output) => {
    for (const i of output.imports) {
      if (i.kind !== 'import-statement' || chunks.has(i.path)) continue;
      chunks.add(i.path);
      visit(metafile.outputs[i.path]);
    }
  };
  visit(app);
  const links = [...chunks].map((chunk) => `    <link rel="modulepreload" href="./${path.relative(dist, path.resolve(root, chunk))}" />\n`).join('');
  const template = await readFile(path.join(root, 'src/app/index.html'), 'utf8');
  const marker = '    <script type="module" src="./app.js"></script>\n';
  if (!template.includes(marker)) throw new Error('src/app/index.html lost its app.js script tag');
  await writeFile(path.join(dist, 'index.html'), template.replace(marker, links + marker));
}

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
  // The page and its workers share one build with code splitting: what only an import, an
  // export or a small layout needs is a chunk loaded when first used, so the page and the worker
  // start by compiling only what they need.
  const browserBundles = build({
    ...common,
    entryPoints: {
      app: path.join(root, 'src/app/main.ts'),
      'layout-worker': path.join(root, 'src/view/layout-worker.ts'),
      'import-worker': path.join(root, 'src/view/import-worker.ts'),
      'analysis-worker': path.join(root, 'src/view/analysis-worker.ts'),
    },
    outdir: dist,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'firefox115', 'safari16'],
    minify: !dev,
    metafile: true,
  });
  await Promise.all([
    browserBundles.then(({ metafile }) => writeIndexHtml(metafile)),
    // The CLI splits too: each command is a chunk loaded when it runs (see src/cli/run.ts), so a
    // command evaluates only what it uses (no Cytoscape outside `layout`, no exporters outside `export`).
    build({
      ...common,
      entryPoints: { cli: path.join(root, 'src/cli/main.ts') },
      outdir: dist,
      outExtension: { '.js': '.mjs' },
      splitting: true,
      chunkNames: 'cli-chunks/[name]-[hash]',
      format: 'esm',
      platform: 'node',
      mainFields: ['module', 'main'],
      target: 'node20',
      banner: { js: '#!/usr/bin/env node' },
    }),
    cp(path.join(root, 'src/app/icon.svg'), path.join(dist, 'icon.svg')),
    cp(path.join(root, 'data/entities.json'), path.join(dist, 'data/entities.json')),
    cp(path.join(root, 'data/deals.json'), path.join(dist, 'data/deals.json')),
    cp(path.join(root, 'data/schema'), path.join(dist, 'data/schema'), { recursive: true }),
    cp(path.join(root, 'data/stories'), path.join(dist, 'data/stories'), { recursive: true }),
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
