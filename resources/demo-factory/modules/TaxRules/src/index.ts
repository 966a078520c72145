import { log, queryEntities } from '@platform/runtime';
import { loadAppSettings } from '@modules/CommonLib';

/** A Tax Rate record as TaxRules stores it. */
export interface TaxRate {
  id: number;
  field: string;
  pattern: string;
  required: boolean;
}

/** What TaxRules reports about a batch of Tax Rate records. */
export interface TaxRateSummary {
  count: number;
  labels: string[];
}

/** Entity under which TaxRules stores its records. */
export const TAX_RULES_ENTITY = 'TaxRules.TaxRate';

/** One line describing a Tax Rate, for logs and lists. */
export function describeTaxRate(value: TaxRate): string {
  return 'Tax Rate #' + value.id + ': ' + [value.field, value.pattern, (value.required ? 'required' : 'not required')].join(' | ');
}

/** Counts and labels a batch of Tax Rate records. */
export function summarizeTaxRates(values: TaxRate[]): TaxRateSummary {
  const labels = values.map((value) => describeTaxRate(value));
  return { count: values.length, labels };
}

/** Reads Tax Rate records, oldest first. */
export async function loadTaxRates(filter?: Record<string, unknown>): Promise<TaxRate[]> {
  const rows = await queryEntities<TaxRate>(TAX_RULES_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}

/** Problems that keep a Tax Rate from being saved; empty when it is valid. */
export function validateTaxRate(value: TaxRate): string[] {
  const problems: string[] = [];
  if (value.id < 0) problems.push('id must not be negative');
  if (value.field.trim().length === 0) problems.push('field is required');
  if (value.pattern.trim().length === 0) problems.push('pattern is required');
  return problems;
}

/** Context lines TaxRules gathers from the modules it builds on. */
export async function collectTaxRulesContext(): Promise<string[]> {
  const lines: string[] = [];
  const appSettingList = await loadAppSettings({ requestedBy: 'TaxRules' });
  lines.push('CommonLib: ' + appSettingList.length + ' records');
  lines.push(...appSettingList.slice(0, 3).map((item) => String(item.value)));
  return lines;
}

/** Name under which TaxRules reports to the platform console. */
export const TAX_RULES_MODULE = 'TaxRules';

/** A one-line health report of TaxRules: tax rates per region. */
export async function taxRulesHealth(): Promise<string> {
  const records = await loadTaxRates();
  const summary = summarizeTaxRates(records);
  const parts: string[] = [TAX_RULES_MODULE, summary.count + ' records'];
  const context = await collectTaxRulesContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
