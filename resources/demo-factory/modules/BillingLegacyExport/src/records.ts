import { queryEntities, formatDate } from '@platform/runtime';
import { type LedgerLine, type LedgerLineSummary, BILLING_LEGACY_EXPORT_ENTITY } from './types';

/** One line describing a Ledger Line, for logs and lists. */
export function describeLedgerLine(value: LedgerLine): string {
  const parts: string[] = [];
  parts.push(value.reference);
  parts.push(value.amount.toFixed(2));
  parts.push(value.currency);
  parts.push((value.settled ? 'settled' : 'not settled'));
  return 'Ledger Line ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Ledger Line records. */
export function summarizeLedgerLines(values: LedgerLine[]): LedgerLineSummary {
  const labels = values.map((value) => describeLedgerLine(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Ledger Line records, oldest first. */
export async function loadLedgerLines(filter?: Record<string, unknown>): Promise<LedgerLine[]> {
  const rows = await queryEntities<LedgerLine>(BILLING_LEGACY_EXPORT_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
