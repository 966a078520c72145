import { queryEntities, formatDate } from '@platform/runtime';
import { type DeliveryStop, type DeliveryStopSummary, COURIER_MOBILE_ENTITY } from './types';

/** One line describing a Delivery Stop, for logs and lists. */
export function describeDeliveryStop(value: DeliveryStop): string {
  const parts: string[] = [];
  parts.push(value.trackingNumber);
  parts.push(value.carrier);
  parts.push(value.weightKg.toFixed(2));
  parts.push(formatDate(value.shippedAt, 'yyyy-MM-dd'));
  return 'Delivery Stop ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Delivery Stop records. */
export function summarizeDeliveryStops(values: DeliveryStop[]): DeliveryStopSummary {
  const labels = values.map((value) => describeDeliveryStop(value));
  return { count: values.length, labels };
}

/** Reads Delivery Stop records, oldest first. */
export async function loadDeliveryStops(filter?: Record<string, unknown>): Promise<DeliveryStop[]> {
  const rows = await queryEntities<DeliveryStop>(COURIER_MOBILE_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
