import { log, queryEntities, formatDate } from '@platform/runtime';
import { summarizeCarrierProfiles } from '@modules/CarrierLib';

/** A Label record as ShippingLabels stores it. */
export interface ShippingLabel {
  id: number;
  trackingNumber: string;
  carrier: string;
  weightKg: number;
  shippedAt: Date;
}

/** What ShippingLabels reports about a batch of Label records. */
export interface ShippingLabelSummary {
  count: number;
  labels: string[];
}

/** Entity under which ShippingLabels stores its records. */
export const SHIPPING_LABELS_ENTITY = 'ShippingLabels.Label';

/** One line describing a Label, for logs and lists. */
export function describeShippingLabel(value: ShippingLabel): string {
  return 'Label #' + value.id + ': ' + [value.trackingNumber, value.carrier, value.weightKg.toFixed(2), formatDate(value.shippedAt, 'yyyy-MM-dd')].join(' | ');
}

/** Counts and labels a batch of Label records. */
export function summarizeShippingLabels(values: ShippingLabel[]): ShippingLabelSummary {
  const labels = values.map((value) => describeShippingLabel(value));
  return { count: values.length, labels };
}

/** Reads Label records, oldest first. */
export async function loadShippingLabels(filter?: Record<string, unknown>): Promise<ShippingLabel[]> {
  const rows = await queryEntities<ShippingLabel>(SHIPPING_LABELS_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}

/** Problems that keep a Label from being saved; empty when it is valid. */
export function validateShippingLabel(value: ShippingLabel): string[] {
  const problems: string[] = [];
  if (value.id < 0) problems.push('id must not be negative');
  if (value.trackingNumber.trim().length === 0) problems.push('trackingNumber is required');
  if (value.carrier.trim().length === 0) problems.push('carrier is required');
  if (!isFinite(value.weightKg) || value.weightKg < 0) problems.push('weightKg must be a positive number');
  if (isNaN(value.shippedAt.getTime())) problems.push('shippedAt is not a valid date');
  return problems;
}

/** Context lines ShippingLabels gathers from the modules it builds on. */
export async function collectShippingLabelsContext(): Promise<string[]> {
  const lines: string[] = [];
  const carrierProfileSummary = summarizeCarrierProfiles([{ id: 9, trackingNumber: 'trackingNumber-8', carrier: 'carrier-9', weightKg: 11, shippedAt: new Date(1700950400000) }]);
  lines.push(carrierProfileSummary.count + ' from CarrierLib: ' + carrierProfileSummary.labels.join('; '));
  return lines;
}

/** Name under which ShippingLabels reports to the platform console. */
export const SHIPPING_LABELS_MODULE = 'ShippingLabels';

/** A one-line health report of ShippingLabels: label layouts. */
export async function shippingLabelsHealth(): Promise<string> {
  const records = await loadShippingLabels();
  const summary = summarizeShippingLabels(records);
  const parts: string[] = [SHIPPING_LABELS_MODULE, summary.count + ' records'];
  const context = await collectShippingLabelsContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
