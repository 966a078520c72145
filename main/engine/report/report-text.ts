import type { ModuleError } from '../../../common/domain';

/** Where an error is, as `file:line:column` with as much as is known; null without a file. */
export function errorLocation(error: ModuleError): string | null {
  if (error.file === undefined) return null;
  return [error.file, error.line, error.column].filter((part) => part !== undefined).join(':');
}

/** An error as one line: `file:line:column message`. */
export function errorText(error: ModuleError): string {
  const location = errorLocation(error);
  return location === null ? error.message : `${location} ${error.message}`;
}

/** A module's errors on one line, as the CSV and JUnit exports show them. */
export function errorsText(errors: readonly ModuleError[]): string {
  return errors.map(errorText).join(' | ');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

// Characters XML 1.0 forbids even as references (ANSI colour codes from a compiler, lone
// surrogates); one of them would make the whole file unparseable, so they become U+FFFD.
const XML_INVALID = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Kept as references so attribute values keep their line breaks (parsers normalise raw ones to spaces).
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

/** Escapes text for an XML attribute value (double or single quoted). */
export function escapeXmlAttribute(text: string): string {
  return text.replace(XML_INVALID, '\uFFFD').replace(/[&<>"'\n\r\t]/g, (c) => XML_ESCAPES[c]);
}

/** Escapes text for XML element content, keeping line breaks as they are. */
export function escapeXmlText(text: string): string {
  return text.replace(XML_INVALID, '\uFFFD').replace(/[&<>]/g, (c) => XML_ESCAPES[c]);
}

/** Milliseconds as seconds with millisecond precision, the unit JUnit `time` attributes use. */
export function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
