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

/** Parses strict JSON (a leading byte-order mark is allowed); on failure names line and column. */
export function parseJsonText(text: string, file: string): JsonParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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
    return {
      ok: false,
      problem: {
        file,
        record: null,
        recordId: null,
        field: null,
        message: `malformed JSON at line ${line}, column ${column}: ${reason}`,
      },
    };
  }
}
