import { queryEntities, formatDate } from '@platform/runtime';
import { type CustomerRecord, type CustomerRecordSummary, CUSTOMER_CORE_ENTITY } from './types';

/** One line describing a Customer, for logs and lists. */
export function describeCustomerRecord(value: CustomerRecord): string {
  const parts: string[] = [];
  parts.push(value.name);
  parts.push(value.email);
  parts.push(value.creditLimit.toFixed(2));
  parts.push((value.active ? 'active' : 'not active'));
  return 'Customer ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Customer records. */
export function summarizeCustomerRecords(values: CustomerRecord[]): CustomerRecordSummary {
  const labels = values.map((value) => describeCustomerRecord(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Customer records, oldest first. */
export async function loadCustomerRecords(filter?: Record<string, unknown>): Promise<CustomerRecord[]> {
  const rows = await queryEntities<CustomerRecord>(CUSTOMER_CORE_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
