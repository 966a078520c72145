import { queryEntities, formatDate } from '@platform/runtime';
import { type CarrierProfile, type CarrierProfileSummary, CARRIER_LIB_ENTITY } from './types';

/** One line describing a Carrier, for logs and lists. */
export function describeCarrierProfile(value: CarrierProfile): string {
  const parts: string[] = [];
  parts.push(value.trackingNumber);
  parts.push(value.carrier);
  parts.push(value.weightKg.toFixed(2));
  parts.push(formatDate(value.shippedAt, 'yyyy-MM-dd'));
  return 'Carrier ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Carrier records. */
export function summarizeCarrierProfiles(values: CarrierProfile[]): CarrierProfileSummary {
  const labels = values.map((value) => describeCarrierProfile(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Carrier records, oldest first. */
export async function loadCarrierProfiles(filter?: Record<string, unknown>): Promise<CarrierProfile[]> {
  const rows = await queryEntities<CarrierProfile>(CARRIER_LIB_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
