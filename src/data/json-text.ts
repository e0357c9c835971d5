/**
 * Parsing JSON text with errors that name the line and column, the same in every JavaScript engine
 * (engines word JSON.parse errors differently, so the position comes from jsonc-parser).
 */
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Problem } from './problem.js';

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; problem: Problem };

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const READABLE_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected ","',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

/** The deepest nesting of [ and { accepted; the data files need five levels. */
export const MAX_JSON_DEPTH = 100;

/**
 * The offset of the first bracket that opens level `maxDepth + 1`, or -1: one pass counting
 * [ and { outside strings, so no recursive parser ever meets a hostile nesting. A string is
 * skipped whole (indexOf finds its closing quote: one not escaped by an odd run of backslashes).
 */
export function tooDeepAt(text: string, maxDepth = MAX_JSON_DEPTH): number {
  let depth = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      let close = text.indexOf('"', i + 1);
      for (;;) {
        // Unterminated: the rest is string, as JSON.parse will say.
        if (close < 0) return -1;
        let before = close - 1;
        while (text.charCodeAt(before) === 92) before--;
        if ((close - 1 - before) % 2 === 0) break;
        close = text.indexOf('"', close + 1);
      }
      i = close;
    } else if (c === 91 || c === 123) {
      if (++depth > maxDepth) return i;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return -1;
}

const problemAt = (file: string, message: string): Problem => ({ file, record: null, recordId: null, field: null, message });

/** Parses strict JSON (a leading byte-order mark is allowed); on failure names line and column. */
export function parseJsonText(text: string, file: string): JsonParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const deep = tooDeepAt(body);
  if (deep >= 0) {
    const { line, column } = lineAndColumn(body, deep);
    return { ok: false, problem: problemAt(file, `JSON nested too deeply at line ${line}, column ${column}: more than ${MAX_JSON_DEPTH} levels of [ and {`) };
  }
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    const errors: ParseError[] = [];
    parseJsonc(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    const offset = first ? first.offset : body.length;
    const code = first ? printParseErrorCode(first.error) : 'ValueExpected';
    const reason = body.trim() === '' ? 'the file is empty' : (READABLE_ERRORS[code] ?? code);
    const { line, column } = lineAndColumn(body, offset);
    return { ok: false, problem: problemAt(file, `malformed JSON at line ${line}, column ${column}: ${reason}`) };
  }
}
