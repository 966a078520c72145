import { queryEntities, formatDate } from '@platform/runtime';
import { type Shipment, type ShipmentSummary, SHIPMENT_SERVICE_ENTITY } from './types';

/** One line describing a Shipment, for logs and lists. */
export function describeShipment(value: Shipment): string {
  return 'Shipment #' + value.id + ': ' + [value.trackingNumber, value.carrier, value.weightKg.toFixed(2), formatDate(value.shippedAt, 'yyyy-MM-dd')].join(' | ');
}

/** Counts and labels a batch of Shipment records. */
export function summarizeShipments(values: Shipment[]): ShipmentSummary {
  const labels = values.map((value) => describeShipment(value));
  return { count: values.length, labels };
}

/** Reads Shipment records, oldest first. */
export async function loadShipments(filter?: Record<string, unknown>): Promise<Shipment[]> {
  const rows = await queryEntities<Shipment>(SHIPMENT_SERVICE_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
