import { queryEntities } from '@platform/runtime';
import { type CustomerInsight, type CustomerInsightSummary, CUSTOMER_INSIGHTS_ENTITY } from './types';

/** One line describing a Insight, for logs and lists. */
export function describeCustomerInsight(value: CustomerInsight): string {
  const parts: string[] = [];
  parts.push(value.title);
  parts.push(value.period);
  parts.push(String(value.rows));
  parts.push((value.generated ? 'generated' : 'not generated'));
  return 'Insight ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Insight records. */
export function summarizeCustomerInsights(values: CustomerInsight[]): CustomerInsightSummary {
  const labels = values.map((value) => describeCustomerInsight(value));
  return { count: values.length, labels };
}

/** Reads Insight records, oldest first. */
export async function loadCustomerInsights(filter?: Record<string, unknown>): Promise<CustomerInsight[]> {
  const rows = await queryEntities<CustomerInsight>(CUSTOMER_INSIGHTS_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
