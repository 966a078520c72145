import { queryEntities, formatDate } from '@platform/runtime';
import { type AccessCertification, type AccessCertificationSummary, ACCESS_REVIEW_ENTITY } from './types';

/** One line describing a Access Certification, for logs and lists. */
export function describeAccessCertification(value: AccessCertification): string {
  const parts: string[] = [];
  parts.push(value.actor);
  parts.push(value.action);
  parts.push(formatDate(value.occurredAt, 'yyyy-MM-dd'));
  return 'Access Certification ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Access Certification records. */
export function summarizeAccessCertifications(values: AccessCertification[]): AccessCertificationSummary {
  const labels = values.map((value) => describeAccessCertification(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Access Certification records, oldest first. */
export async function loadAccessCertifications(filter?: Record<string, unknown>): Promise<AccessCertification[]> {
  const rows = await queryEntities<AccessCertification>(ACCESS_REVIEW_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
