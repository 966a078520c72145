import { queryEntities, formatDate } from '@platform/runtime';
import { type CustomsForm, type CustomsFormSummary, DRAFT_CUSTOMS_FORMS_ENTITY } from './types';

/** One line describing a Customs Form, for logs and lists. */
export function describeCustomsForm(value: CustomsForm): string {
  const parts: string[] = [];
  parts.push(value.trackingNumber);
  parts.push(value.carrier);
  parts.push(value.weightKg.toFixed(2));
  parts.push(formatDate(value.shippedAt, 'yyyy-MM-dd'));
  return 'Customs Form ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Customs Form records. */
export function summarizeCustomsForms(values: CustomsForm[]): CustomsFormSummary {
  const labels = values.map((value) => describeCustomsForm(value));
  return { count: values.length, labels };
}

/** Reads Customs Form records, oldest first. */
export async function loadCustomsForms(filter?: Record<string, unknown>): Promise<CustomsForm[]> {
  const rows = await queryEntities<CustomsForm>(DRAFT_CUSTOMS_FORMS_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
