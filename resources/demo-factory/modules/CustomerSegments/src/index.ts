import { log, queryEntities, formatDate } from '@platform/runtime';
import { summarizeAppSettings } from '@modules/CommonLib';

/** A Segment record as CustomerSegments stores it. */
export interface CustomerSegment {
  id: number;
  key: string;
  value: string;
  updatedAt: Date;
}

/** What CustomerSegments reports about a batch of Segment records. */
export interface CustomerSegmentSummary {
  count: number;
  labels: string[];
}

/** Entity under which CustomerSegments stores its records. */
export const CUSTOMER_SEGMENTS_ENTITY = 'CustomerSegments.Segment';

/** One line describing a Segment, for logs and lists. */
export function describeCustomerSegment(value: CustomerSegment): string {
  return 'Segment #' + value.id + ': ' + [value.key, value.value, formatDate(value.updatedAt, 'yyyy-MM-dd')].join(' | ');
}

/** Counts and labels a batch of Segment records. */
export function summarizeCustomerSegments(values: CustomerSegment[]): CustomerSegmentSummary {
  const labels = values.map((value) => describeCustomerSegment(value));
  return { count: values.length, labels };
}

/** Reads Segment records, oldest first. */
export async function loadCustomerSegments(filter?: Record<string, unknown>): Promise<CustomerSegment[]> {
  const rows = await queryEntities<CustomerSegment>(CUSTOMER_SEGMENTS_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}

/** Problems that keep a Segment from being saved; empty when it is valid. */
export function validateCustomerSegment(value: CustomerSegment): string[] {
  const problems: string[] = [];
  if (value.id < 0) problems.push('id must not be negative');
  if (value.key.trim().length === 0) problems.push('key is required');
  if (value.value.trim().length === 0) problems.push('value is required');
  if (isNaN(value.updatedAt.getTime())) problems.push('updatedAt is not a valid date');
  return problems;
}

/** Context lines CustomerSegments gathers from the modules it builds on. */
export async function collectCustomerSegmentsContext(): Promise<string[]> {
  const lines: string[] = [];
  const appSettingSummary = summarizeAppSettings([{ id: 3, key: 'key-2', value: 'value-3', updatedAt: new Date(1700345600000) }]);
  lines.push(appSettingSummary.count + ' from CommonLib: ' + appSettingSummary.labels.join('; '));
  return lines;
}

/** Name under which CustomerSegments reports to the platform console. */
export const CUSTOMER_SEGMENTS_MODULE = 'CustomerSegments';

/** A one-line health report of CustomerSegments: customer segmentation. */
export async function customerSegmentsHealth(): Promise<string> {
  const records = await loadCustomerSegments();
  const summary = summarizeCustomerSegments(records);
  const parts: string[] = [CUSTOMER_SEGMENTS_MODULE, summary.count + ' records'];
  const context = await collectCustomerSegmentsContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
