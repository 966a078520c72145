import { describe, expect, it } from 'vitest';
import type { ModuleRow } from './domain';
import { decodeModuleRows, encodeModuleRows } from './module-list';

function rows(count: number): ModuleRow[] {
  return Array.from({ length: count }, (_, index) => ({
    name: `Application${index % 1250}Module${String(index).padStart(5, '0')}`,
    application: `Application${index % 1250}`,
    kind: index % 3 === 0 ? 'library' : 'web',
    state: index % 7 === 0 ? 'uploaded' : 'published',
    runningVersion: index % 11 === 0 ? null : '11.11.3',
    status: index % 5 === 0 ? 'failed' : 'prepared',
  }));
}

describe('the Modules list on the contract', () => {
  it('reads back every row as written, in order, with "never deployed" as null', () => {
    const written = rows(500);
    const read = decodeModuleRows(JSON.parse(JSON.stringify(encodeModuleRows(written))));
    expect(read).toEqual(written);
    expect(read[0]!.runningVersion).toBeNull();
  });

  it('reads back an empty list', () => {
    expect(decodeModuleRows(encodeModuleRows([]))).toEqual([]);
  });

  it('writes 10,000 rows in well under half the JSON of the rows as objects', () => {
    const written = rows(10_000);
    const wire = JSON.stringify(encodeModuleRows(written)).length;
    expect(wire).toBeLessThan(JSON.stringify(written).length * 0.45);
  });
});
