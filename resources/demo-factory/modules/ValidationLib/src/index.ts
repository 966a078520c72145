import { log } from '@platform/runtime';
import { summarizeAppSettings } from '@modules/CommonLib';
import { summarizeValidationRules, loadValidationRules } from './format';
import type { ValidationRule } from './types';

export { describeValidationRule, summarizeValidationRules, loadValidationRules } from './format';
export { VALIDATION_LIB_ENTITY } from './types';
export type { ValidationRule, ValidationRuleSummary } from './types';

/** Problems that keep a Validation Rule from being saved; empty when it is valid. */
export function validateValidationRule(value: ValidationRule): string[] {
  const problems: string[] = [];
  if (value.id < 0) problems.push('id must not be negative');
  if (value.field.trim().length === 0) problems.push('field is required');
  if (value.pattern.trim().length === 0) problems.push('pattern is required');
  return problems;
}

/** Context lines ValidationLib gathers from the modules it builds on. */
export async function collectValidationLibContext(): Promise<string[]> {
  const lines: string[] = [];
  const appSettingSummary = summarizeAppSettings([{ id: 9, key: 'key-8', value: 'value-9', updatedAt: new Date(1700864000000) }]);
  lines.push(appSettingSummary.count + ' from CommonLib: ' + appSettingSummary.labels.join('; '));
  return lines;
}

/** Name under which ValidationLib reports to the platform console. */
export const VALIDATION_LIB_MODULE = 'ValidationLib';

/** A one-line health report of ValidationLib: field validation rules. */
export async function validationLibHealth(): Promise<string> {
  const records = await loadValidationRules();
  const summary = summarizeValidationRules(records);
  const parts: string[] = [VALIDATION_LIB_MODULE, summary.count + ' records'];
  const context = await collectValidationLibContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
