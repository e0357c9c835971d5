import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installRendererHooks, PINNED_CYTOSCAPE } from '../../src/view/cytoscape/renderer-hooks.js';

const root = path.resolve(import.meta.dirname, '../..');
const json = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as { version?: string; dependencies?: Record<string, string> };

describe('the renderer hooks adapter', () => {
  it('is pinned to the Cytoscape that package.json pins exactly and that is installed: moving it means checking the hooks again', () => {
    expect(json('package.json').dependencies?.cytoscape).toBe(PINNED_CYTOSCAPE);
    expect(json('node_modules/cytoscape/package.json').version).toBe(PINNED_CYTOSCAPE);
  });

  it('installs no hook on another version: the graph is drawn by stock Cytoscape', () => {
    const touched: string[] = [];
    const cy = new Proxy({}, { get: (_t, key) => (touched.push(String(key)), undefined) });
    const report = installRendererHooks(cy as never, '3.35.0');
    expect(report.installed).toEqual([]);
    expect(report.skipped).toContain('Cytoscape 3.35.0 is not 3.34.4');
    expect(touched).toEqual([]);
  });
});
