/**
 * `cycles` listing loops as found never loads graphology: its module's static imports (type-only
 * ones are erased) reach no graphology package. Loading it was a good part of the command's start.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.resolve(import.meta.dirname, '../../src');

/** The modules a file imports at load time: static imports and re-exports that are not type-only. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s)?[^'";]*?from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm)) {
    if (m[1] === undefined) found.push((m[2] ?? m[3]) as string);
  }
  return found;
}

/** Every module loaded with `file`, as source paths, or package names for packages. */
function reachable(file: string): Set<string> {
  const seen = new Set<string>();
  const visit = (current: string): void => {
    if (seen.has(current)) return;
    seen.add(current);
    if (!current.startsWith('/')) return;
    for (const spec of staticImports(current)) {
      if (!spec.startsWith('.')) visit(spec);
      else {
        // A .js specifier names a .ts source, or a generated .js file.
        const asWritten = path.resolve(path.dirname(current), spec);
        const typescript = asWritten.replace(/\.js$/, '.ts');
        visit(existsSync(typescript) ? typescript : asWritten);
      }
    }
  };
  visit(file);
  return seen;
}

describe('the modules cycles loads before it knows it needs a firm graph', () => {
  it('include no graphology package', () => {
    const loaded = [...reachable(path.join(src, 'cli/commands/cycles.ts'))];
    expect(loaded.some((m) => m.endsWith('src/cli/loop-stream.ts'))).toBe(true);
    expect(loaded.filter((m) => m.startsWith('graphology'))).toEqual([]);
  });

  it('the firm view path does load it (the check sees graphology where it is)', () => {
    const loaded = [...reachable(path.join(src, 'cli/commands/cycles-view.ts'))];
    expect(loaded).toContain('graphology');
  });
});
