import { queryEntities, formatDate } from '@platform/runtime';
import { type RateQuote, type RateQuoteSummary, SHIPPING_RATES_ENTITY } from './types';

/** One line describing a Rate Quote, for logs and lists. */
export function describeRateQuote(value: RateQuote): string {
  return 'Rate Quote #' + value.id + ': ' + [value.reference, value.amount.toFixed(2), value.currency, (value.settled ? 'settled' : 'not settled')].join(' | ');
}

/** Counts and labels a batch of Rate Quote records. */
export function summarizeRateQuotes(values: RateQuote[]): RateQuoteSummary {
  const labels = values.map((value) => describeRateQuote(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Rate Quote records, oldest first. */
export async function loadRateQuotes(filter?: Record<string, unknown>): Promise<RateQuote[]> {
  const rows = await queryEntities<RateQuote>(SHIPPING_RATES_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
