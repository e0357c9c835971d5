import { describe, expect, it } from 'vitest';
import { formatTable } from '../../src/cli/table.js';

describe('formatTable', () => {
  it('formatTable(header, rows) pads each column to its widest cell', () => {
    expect(formatTable(['firm', 'n'], [['a', '10'], ['bbb', '2']], ['left', 'right'])).toEqual(['firm   n', '----  --', 'a     10', 'bbb    2']);
  });

  it('formatTable(header, 200,000 rows) does not overflow the stack', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`firm-${i}`, String(i)]);
    const lines = formatTable(['firm', 'n'], rows, ['left', 'right']);
    expect(lines).toHaveLength(200_002);
    expect(lines[0]).toBe(`${'firm'.padEnd(11)}  ${'n'.padStart(6)}`);
    expect(lines[200_001]).toBe('firm-199999  199999');
  });
});
