/**
 * Plain text broken into lines no wider than a width, for captions drawn under exported pictures
 * (a canvas and an SVG have no text wrapping of their own). Pure: the caller measures.
 */

/** The text as plain single-spaced words: control characters become spaces; line breaks are kept. */
export function plainCaption(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * Lines of at most `maxWidth` as `width` measures them, breaking between words; a word wider than
 * the line is broken between characters. Line breaks in the text start new lines. Joined with
 * spaces, the lines give back the plain caption (but for a word broken between characters).
 */
export function wrapText(text: string, maxWidth: number, width: (line: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of plainCaption(text).split('\n')) {
    if (paragraph === '') continue;
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (width(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      // A word longer than a whole line: as many characters as fit on each line.
      let rest = word;
      while (width(rest) > maxWidth && rest.length > 1) {
        let cut = 1;
        while (cut < rest.length && width(rest.slice(0, cut + 1)) <= maxWidth) cut++;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    if (line !== '') lines.push(line);
  }
  return lines;
}
