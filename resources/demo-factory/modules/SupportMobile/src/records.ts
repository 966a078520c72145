import { queryEntities, formatDate } from '@platform/runtime';
import { type OnSiteVisit, type OnSiteVisitSummary, SUPPORT_MOBILE_ENTITY } from './types';

/** One line describing a On-site Visit, for logs and lists. */
export function describeOnSiteVisit(value: OnSiteVisit): string {
  const parts: string[] = [];
  parts.push(value.subject);
  parts.push(String(value.priority));
  parts.push(value.status);
  parts.push(formatDate(value.openedAt, 'yyyy-MM-dd'));
  return 'On-site Visit ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of On-site Visit records. */
export function summarizeOnSiteVisits(values: OnSiteVisit[]): OnSiteVisitSummary {
  const labels = values.map((value) => describeOnSiteVisit(value));
  return { count: values.length, labels };
}

/** Reads On-site Visit records, oldest first. */
export async function loadOnSiteVisits(filter?: Record<string, unknown>): Promise<OnSiteVisit[]> {
  const rows = await queryEntities<OnSiteVisit>(SUPPORT_MOBILE_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
