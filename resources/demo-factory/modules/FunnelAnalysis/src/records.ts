import { queryEntities, formatDate } from '@platform/runtime';
import { type FunnelStep, type FunnelStepSummary, FUNNEL_ANALYSIS_ENTITY } from './types';

/** One line describing a Funnel Step, for logs and lists. */
export function describeFunnelStep(value: FunnelStep): string {
  return 'Funnel Step #' + value.id + ': ' + [value.name, value.source, String(value.count), formatDate(value.recordedAt, 'yyyy-MM-dd')].join(' | ');
}

/** Counts and labels a batch of Funnel Step records. */
export function summarizeFunnelSteps(values: FunnelStep[]): FunnelStepSummary {
  const labels = values.map((value) => describeFunnelStep(value));
  return { count: values.length, labels };
}

/** Reads Funnel Step records, oldest first. */
export async function loadFunnelSteps(filter?: Record<string, unknown>): Promise<FunnelStep[]> {
  const rows = await queryEntities<FunnelStep>(FUNNEL_ANALYSIS_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
