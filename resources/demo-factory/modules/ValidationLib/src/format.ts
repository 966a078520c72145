import { queryEntities } from '@platform/runtime';
import { type ValidationRule, type ValidationRuleSummary, VALIDATION_LIB_ENTITY } from './types';

/** One line describing a Validation Rule, for logs and lists. */
export function describeValidationRule(value: ValidationRule): string {
  return 'Validation Rule #' + value.id + ': ' + [value.field, value.pattern, (value.required ? 'required' : 'not required')].join(' | ');
}

/** Counts and labels a batch of Validation Rule records. */
export function summarizeValidationRules(values: ValidationRule[]): ValidationRuleSummary {
  const labels = values.map((value) => describeValidationRule(value));
  return { count: values.length, labels };
}

/** Reads Validation Rule records, oldest first. */
export async function loadValidationRules(filter?: Record<string, unknown>): Promise<ValidationRule[]> {
  const rows = await queryEntities<ValidationRule>(VALIDATION_LIB_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
