import { log, formatDate } from '@platform/runtime';
import { describeAppSetting, type AppSetting } from '@modules/CommonLib';
import { loadValidationRules } from '@modules/ValidationLib';
import { describeOrderDraft, summarizeOrderDrafts, loadOrderDrafts } from './format';
import type { OrderDraft } from './types';

export { describeOrderDraft, summarizeOrderDrafts, loadOrderDrafts } from './format';
export { ORDER_MODEL_ENTITY } from './types';
export type { OrderDraft, OrderDraftSummary } from './types';

/** Orders Order records by their description, then by id. */
export function compareOrderDrafts(left: OrderDraft, right: OrderDraft): number {
  return describeOrderDraft(left).localeCompare(describeOrderDraft(right)) || left.id - right.id;
}

/** Indexes Order records by id; the last one wins on duplicates. */
export function indexOrderDraftsById(values: OrderDraft[]): Map<number, OrderDraft> {
  const byId = new Map<number, OrderDraft>();
  for (const value of values) {
    byId.set(value.id, value);
  }
  return byId;
}

/** Context lines OrderModel gathers from the modules it builds on. */
export async function collectOrderModelContext(): Promise<string[]> {
  const lines: string[] = [];
  const appSettingSample: AppSetting = { id: 10, key: 'key-9', value: 'value-10', updatedAt: new Date(1700950400000) };
  lines.push(describeAppSetting(appSettingSample));
  const validationRuleList = await loadValidationRules({ requestedBy: 'OrderModel' });
  lines.push('ValidationLib: ' + validationRuleList.length + ' records');
  lines.push(...validationRuleList.slice(0, 3).map((item) => String(item.pattern)));
  return lines;
}

/** A calendar day as the reports print it. */
export function isoDay(value: Date): string {
  return formatDate(value, 'yyyy-MM-dd');
}

/** Name under which OrderModel reports to the platform console. */
export const ORDER_MODEL_MODULE = 'OrderModel';

/** A one-line health report of OrderModel: the order model. */
export async function orderModelHealth(): Promise<string> {
  const records = await loadOrderDrafts();
  const summary = summarizeOrderDrafts(records);
  const parts: string[] = [ORDER_MODEL_MODULE, summary.count + ' records'];
  parts.push(isoDay(new Date()));
  const context = await collectOrderModelContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
