import { queryEntities, formatDate } from '@platform/runtime';
import { type FraudSignal, type FraudSignalSummary, FRAUD_CHECKS_ENTITY } from './types';

/** One line describing a Fraud Signal, for logs and lists. */
export function describeFraudSignal(value: FraudSignal): string {
  return 'Fraud Signal #' + value.id + ': ' + [value.name, value.source, String(value.count), formatDate(value.recordedAt, 'yyyy-MM-dd')].join(' | ');
}

/** Counts and labels a batch of Fraud Signal records. */
export function summarizeFraudSignals(values: FraudSignal[]): FraudSignalSummary {
  const labels = values.map((value) => describeFraudSignal(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Fraud Signal records, oldest first. */
export async function loadFraudSignals(filter?: Record<string, unknown>): Promise<FraudSignal[]> {
  const rows = await queryEntities<FraudSignal>(FRAUD_CHECKS_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
