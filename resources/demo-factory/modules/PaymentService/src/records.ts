import { queryEntities, formatDate } from '@platform/runtime';
import { type Settlement, type SettlementSummary, PAYMENT_SERVICE_ENTITY } from './types';

/** One line describing a Settlement, for logs and lists. */
export function describeSettlement(value: Settlement): string {
  return 'Settlement #' + value.id + ': ' + [value.reference, value.amount.toFixed(2), value.currency, (value.settled ? 'settled' : 'not settled')].join(' | ');
}

/** Counts and labels a batch of Settlement records. */
export function summarizeSettlements(values: Settlement[]): SettlementSummary {
  const labels = values.map((value) => describeSettlement(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Settlement records, oldest first. */
export async function loadSettlements(filter?: Record<string, unknown>): Promise<Settlement[]> {
  const rows = await queryEntities<Settlement>(PAYMENT_SERVICE_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
