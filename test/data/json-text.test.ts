import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDataSetFromText } from '../../src/data/load.js';
import { parseJsonText, tooDeepAt } from '../../src/data/json-text.js';
import { formatProblem } from '../../src/data/problem.js';
import { validDocuments } from '../fixtures/datasets.js';

function message(text: string): string {
  const result = parseJsonText(text, 'deals.json');
  if (result.ok) throw new Error('expected a parse failure');
  return formatProblem(result.problem);
}

describe('parseJsonText', () => {
  it('parseJsonText(valid JSON) returns the value, with or without a byte-order mark', () => {
    expect(parseJsonText('{"a": [1, 2]}', 'x.json')).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(parseJsonText('\uFEFF{"a": 1}', 'x.json')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('names the line and column of a missing comma', () => {
    expect(message('{\n  "deals": [\n    {"id": "a"}\n    {"id": "b"}\n  ]\n}')).toBe(
      'deals.json: malformed JSON at line 4, column 5: expected ","',
    );
  });

  it('names the line and column of a trailing comma', () => {
    expect(message('{\n  "deals": [1, 2,]\n}')).toBe('deals.json: malformed JSON at line 2, column 18: expected a value');
  });

  it('names an unterminated string', () => {
    expect(message('{"deals": "abc')).toBe('deals.json: malformed JSON at line 1, column 11: unterminated string');
  });

  it('says when the file is empty', () => {
    expect(message('   \n')).toBe('deals.json: malformed JSON at line 2, column 1: the file is empty');
  });

  it('rejects comments, which JSON does not allow', () => {
    expect(message('{"deals": [] // none yet\n}')).toBe(
      'deals.json: malformed JSON at line 1, column 14: comments are not allowed in JSON',
    );
  });
});

describe('loadDataSetFromText', () => {
  it('loads two valid files', () => {
    const docs = validDocuments();
    const result = loadDataSetFromText(
      { name: 'entities.json', text: JSON.stringify(docs.entities) },
      { name: 'deals.json', text: JSON.stringify(docs.deals) },
    );
    expect(result.ok).toBe(true);
  });

  it('reports malformed JSON in one file together with record problems in the other', () => {
    const docs = validDocuments();
    (docs.entities.entities[0] as unknown as Record<string, unknown>).kind = 'foundry';
    const result = loadDataSetFromText(
      { name: 'data/entities.json', text: JSON.stringify(docs.entities) },
      { name: 'data/deals.json', text: '{"deals": [}' },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map(formatProblem)).toEqual([
        'data/deals.json: malformed JSON at line 1, column 12: expected a value',
        'data/entities.json, entities[0] "nvidia", kind: "foundry" is not a known entity kind; expected one of chipmaker, ai-lab, hyperscaler, neocloud, data-center, asset-manager, bank, spv, market, other',
      ]);
    }
  });

  it('does not blame deals for unknown firms when the entities file is unreadable', () => {
    const docs = validDocuments();
    (docs.deals.deals[0] as unknown as Record<string, unknown>).amountUsd = -3;
    const result = loadDataSetFromText(
      { name: 'entities.json', text: '' },
      { name: 'deals.json', text: JSON.stringify(docs.deals) },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map(formatProblem)).toEqual([
        'entities.json: malformed JSON at line 1, column 1: the file is empty',
        'deals.json, deals[0] "nvidia-openai", amountUsd: must not be negative (got -3)',
      ]);
    }
  });
});

describe('parseJsonText with deep nesting', () => {
  it('refuses malformed JSON nested 100,000 deep without overflowing the stack, naming line and column', () => {
    const result = parseJsonText(`{"deals":\n${'['.repeat(100_000)}`, 'deals.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatProblem(result.problem)).toBe('deals.json: JSON nested too deeply at line 2, column 100: more than 100 levels of [ and {');
  });

  it('counts only brackets outside strings', () => {
    const result = parseJsonText(JSON.stringify({ note: '['.repeat(500) + '\\"{' }), 'deals.json');
    expect(result.ok).toBe(true);
  });
});

/** The depth scan one character at a time, as it was first written: the reference for the fast one. */
function tooDeepAtByCharacter(text: string, maxDepth: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > maxDepth) return i;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return -1;
}

describe('tooDeepAt', () => {
  it('tooDeepAt finds the bracket that opens one level too many, outside strings only', () => {
    expect(tooDeepAt('[[[1]]]', 2)).toBe(2);
    expect(tooDeepAt('[[1]]', 2)).toBe(-1);
    expect(tooDeepAt('["[[[", "\\\\", "\\"[[["]', 2)).toBe(-1);
    expect(tooDeepAt('["\\\\"[[[]]]]', 2)).toBe(6);
    expect(tooDeepAt('["unterminated [[[', 1)).toBe(-1);
  });

  it('tooDeepAt agrees with a scan one character at a time on any text of brackets, quotes and backslashes', () => {
    const piece = fc.constantFrom('[', ']', '{', '}', '"', '\\', 'a', ',', ' ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 0, max: 6 }), (pieces, maxDepth) => {
        const text = pieces.join('');
        expect(tooDeepAt(text, maxDepth)).toBe(tooDeepAtByCharacter(text, maxDepth));
      }),
      { numRuns: 3000 },
    );
  });
});
