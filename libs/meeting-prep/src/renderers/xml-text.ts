/**
 * XML 1.0 cannot carry most C0 control characters, lone surrogates or U+FFFE/U+FFFF, even escaped.
 * DOCX and XLSX are XML inside, so user text loses those characters before it reaches them (they
 * cannot be typed in the platform's clients anyway, but the API would store them).
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlText(text: string | null | undefined): string {
  return (text ?? '').replace(NOT_XML, '');
}
