import type { ReportFormatter } from './report-formatter';

/** Indents every line after the first, so a nested JSON.stringify block lines up with its parent. */
function indent(json: string, spaces: number): string {
  return json.replace(/\n/g, `\n${' '.repeat(spaces)}`);
}

/**
 * The spec §5 JSON object, written piece by piece. The output is byte for byte
 * `JSON.stringify(loadReport(…), null, 2)` plus a final newline, without ever holding the array.
 */
export function jsonFormatter(): ReportFormatter {
  let count = 0;
  const item = (value: unknown): string =>
    `${count++ === 0 ? '\n' : ',\n'}    ${indent(JSON.stringify(value, null, 2), 4)}`;
  const closeArray = (): string => (count === 0 ? ']' : '\n  ]');
  return {
    start: (head) => `{\n  "run": ${indent(JSON.stringify(head.run, null, 2), 2)},\n  "modules": [`,
    module: (module) => item(module),
    startExcluded: () => {
      const close = closeArray();
      count = 0;
      return `${close},\n  "excluded": [`;
    },
    // Only the spec's fields: the JSON shape is a contract.
    excluded: ({ name, reason }) => item({ name, reason }),
    end: () => `${closeArray()}\n}\n`,
  };
}
