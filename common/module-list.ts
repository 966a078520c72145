import type { ModuleConsoleStatus, ModuleKind, ModuleRow, ModuleState } from './domain';

/**
 * The Modules list as it crosses the contract: the names, and the other columns as indexes
 * into their distinct values. Every window showing the list reads it again when a run
 * starts or ends; at 10,000 modules the rows as objects were 1.4 MB of JSON, which a
 * window decoded and parsed in one task (the long tasks at a run's start), and written
 * once each value they are about a quarter of that.
 */
export interface ModuleListWire {
  names: string[];
  /** The distinct values of the other columns; null is "never deployed" (runningVersion). */
  values: (string | null)[];
  /** Per row, in the order of `ROW_COLUMNS`, the index of its value in `values`. */
  codes: number[];
}

const ROW_COLUMNS = ['application', 'kind', 'state', 'runningVersion', 'status'] as const;

/** Writes rows as the contract carries them. */
export function encodeModuleRows(rows: readonly ModuleRow[]): ModuleListWire {
  const values: (string | null)[] = [];
  const indexOf = new Map<string | null, number>();
  const codes = new Array<number>(rows.length * ROW_COLUMNS.length);
  let at = 0;
  for (const row of rows) {
    for (const column of ROW_COLUMNS) {
      const value = row[column];
      let index = indexOf.get(value);
      if (index === undefined) {
        index = values.push(value) - 1;
        indexOf.set(value, index);
      }
      codes[at++] = index;
    }
  }
  return { names: rows.map((row) => row.name), values, codes };
}

/** Reads the rows back, in their order. */
export function decodeModuleRows(list: ModuleListWire): ModuleRow[] {
  const { names, values, codes } = list;
  return names.map((name, row) => {
    const at = row * ROW_COLUMNS.length;
    return {
      name,
      application: values[codes[at]!] as string,
      kind: values[codes[at + 1]!] as ModuleKind,
      state: values[codes[at + 2]!] as ModuleState,
      runningVersion: values[codes[at + 3]!] ?? null,
      status: values[codes[at + 4]!] as ModuleConsoleStatus,
    };
  });
}
