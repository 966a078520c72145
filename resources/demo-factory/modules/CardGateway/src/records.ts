import { queryEntities } from '@platform/runtime';
import { type CardCharge, type CardChargeSummary, CARD_GATEWAY_ENTITY } from './types';

/** One line describing a Card Charge, for logs and lists. */
export function describeCardCharge(value: CardCharge): string {
  const parts: string[] = [];
  parts.push(value.reference);
  parts.push(value.amount.toFixed(2));
  parts.push(value.currency);
  parts.push((value.settled ? 'settled' : 'not settled'));
  return 'Card Charge ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Card Charge records. */
export function summarizeCardCharges(values: CardCharge[]): CardChargeSummary {
  const labels = values.map((value) => describeCardCharge(value));
  return { count: values.length, labels };
}

/** Reads Card Charge records, oldest first. */
export async function loadCardCharges(filter?: Record<string, unknown>): Promise<CardCharge[]> {
  const rows = await queryEntities<CardCharge>(CARD_GATEWAY_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
