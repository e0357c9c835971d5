import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainCaption, wrapText } from '../../src/view/wrap-text.js';

/** A monospaced measure: 7 units a character. */
const width = (line: string): number => line.length * 7;

describe('wrapText', () => {
  it('breaks between words, each line within the width, and gives back the words in order', () => {
    const lines = wrapText('Nvidia invests in OpenAI and OpenAI buys Nvidia chips', 140, width);
    expect(lines).toEqual(['Nvidia invests in', 'OpenAI and OpenAI', 'buys Nvidia chips']);
  });

  it('keeps line breaks, drops control characters and markup stays text', () => {
    expect(plainCaption('a\u0007b  c\r\n\n<b>d</b>\te')).toBe('a b c\n<b>d</b> e');
    expect(wrapText('one\ntwo', 1000, width)).toEqual(['one', 'two']);
  });

  it('breaks a word longer than a line between characters', () => {
    expect(wrapText('abcdefghij', 28, width)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('property: every line fits (or is one character), and the lines joined are the plain text', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'é', '<', '&'), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 40 }), (words, chars) => {
        const max = chars * 7;
        const text = words.join(' ');
        const lines = wrapText(text, max, width);
        for (const line of lines) expect(line.length === 1 || width(line) <= max).toBe(true);
        // Without words broken between characters, joining with spaces restores the text.
        if (words.every((w) => width(w) <= max)) expect(lines.join(' ')).toBe(plainCaption(text));
        else expect(lines.join('').replace(/ /g, '')).toBe(words.join(''));
      }),
    );
  });
});
