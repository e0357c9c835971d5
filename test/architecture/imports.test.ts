/**
 * The import direction: each folder of src/ imports only the layers below it, and only the
 * Cytoscape folder (and the headless layout) imports Cytoscape.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.resolve(import.meta.dirname, '../../src');

/** What each top folder of src/ may import (besides itself). */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  data: [],
  model: ['data'],
  analysis: ['data', 'model'],
  layout: ['data'],
  export: ['data', 'model', 'analysis'],
  state: ['data', 'model', 'analysis'],
  cli: ['data', 'model', 'analysis', 'layout', 'export'],
  view: ['data', 'model', 'analysis', 'layout', 'export', 'state'],
  app: ['data', 'model', 'analysis', 'layout', 'export', 'state', 'view'],
  types: [],
};

/** Where Cytoscape may be imported: the renderer folder, and the headless layout run in Node and workers. */
const CYTOSCAPE_ALLOWED = [path.join('view', 'cytoscape') + path.sep, path.join('layout', 'fcose-layout.ts'), 'types' + path.sep];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.ts$/.test(name) ? [full] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

describe('the layers of src/', () => {
  const all = files(src);

  it('every folder is a known layer', () => {
    for (const file of all) expect(Object.keys(ALLOWED), path.relative(src, file)).toContain(path.relative(src, file).split(path.sep)[0]);
  });

  it('no import runs up: each folder imports only the layers below it', () => {
    const wrong: string[] = [];
    for (const file of all) {
      const layer = path.relative(src, file).split(path.sep)[0] as string;
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const target = path.relative(src, path.resolve(path.dirname(file), spec)).split(path.sep)[0] as string;
        if (target !== layer && !ALLOWED[layer]?.includes(target)) wrong.push(`${path.relative(src, file)} imports ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('only the Cytoscape folder (and the headless layout) imports Cytoscape', () => {
    const wrong = all
      .filter((file) => imports(file).some((spec) => /^cytoscape(-|$|\/)/.test(spec)))
      .map((file) => path.relative(src, file))
      .filter((rel) => !CYTOSCAPE_ALLOWED.some((allowed) => rel.startsWith(allowed)));
    expect(wrong).toEqual([]);
  });

  it('the checker sees an import that runs up (it is not vacuous)', () => {
    const rtApp = path.join(src, 'view', 'components', 'rt-app.ts');
    expect(imports(rtApp).some((spec) => spec.includes('state/'))).toBe(true);
  });
});
