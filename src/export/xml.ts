/**
 * Safe XML text for the graph exports. Deal titles and notes are free text an analyst typed or
 * imported; one stray control character makes a whole GraphML or GEXF file unreadable in Gephi and
 * yEd, so every string passes through here before it is written.
 */

/**
 * Characters XML 1.0 does not allow anywhere, even escaped: C0 controls other than tab, line feed
 * and carriage return, lone surrogates, U+FFFE and U+FFFF.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const HAS_NOT_XML_CHAR = new RegExp(NOT_XML_CHAR.source, 'u');

/** The text without the characters XML 1.0 cannot hold. */
export function xmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/** Whether XML 1.0 can hold the text unchanged. */
export function isXmlSafe(text: string): boolean {
  return !HAS_NOT_XML_CHAR.test(text);
}

const CONTENT_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A parser turns a raw carriage return into a line feed; the reference keeps it.
  '\r': '&#xD;',
};

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  ...CONTENT_ESCAPES,
  // Attribute-value normalisation turns raw tabs and line breaks into spaces; references survive.
  '\t': '&#x9;',
  '\n': '&#xA;',
};

/** Text for element content: disallowed characters dropped, markup characters escaped. */
export function escapeXmlText(text: string): string {
  return xmlChars(text).replace(/[&<>"'\r]/g, (c) => CONTENT_ESCAPES[c] ?? c);
}

/** Text for a double-quoted attribute value: like element content, and whitespace kept exactly. */
export function escapeXmlAttribute(text: string): string {
  return xmlChars(text).replace(/[&<>"'\r\t\n]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}
