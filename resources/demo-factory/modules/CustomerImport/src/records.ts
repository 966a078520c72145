import { queryEntities, formatDate } from '@platform/runtime';
import { type CustomerImportRow, type CustomerImportRowSummary, CUSTOMER_IMPORT_ENTITY } from './types';

/** One line describing a Import Row, for logs and lists. */
export function describeCustomerImportRow(value: CustomerImportRow): string {
  const parts: string[] = [];
  parts.push(value.name);
  parts.push(value.email);
  parts.push(value.creditLimit.toFixed(2));
  parts.push((value.active ? 'active' : 'not active'));
  return 'Import Row ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Import Row records. */
export function summarizeCustomerImportRows(values: CustomerImportRow[]): CustomerImportRowSummary {
  const labels = values.map((value) => describeCustomerImportRow(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Import Row records, oldest first. */
export async function loadCustomerImportRows(filter?: Record<string, unknown>): Promise<CustomerImportRow[]> {
  const rows = await queryEntities<CustomerImportRow>(CUSTOMER_IMPORT_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
