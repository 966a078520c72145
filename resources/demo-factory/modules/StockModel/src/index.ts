import { log } from '@platform/runtime';
import { loadAppSettings } from '@modules/CommonLib';
import { describeStockLevel, summarizeStockLevels, loadStockLevels } from './format';
import type { StockLevel } from './types';

export { describeStockLevel, summarizeStockLevels, loadStockLevels } from './format';
export { STOCK_MODEL_ENTITY } from './types';
export type { StockLevel, StockLevelSummary } from './types';

/** Orders Stock Level records by their description, then by id. */
export function compareStockLevels(left: StockLevel, right: StockLevel): number {
  return describeStockLevel(left).localeCompare(describeStockLevel(right)) || left.id - right.id;
}

/** Indexes Stock Level records by id; the last one wins on duplicates. */
export function indexStockLevelsById(values: StockLevel[]): Map<number, StockLevel> {
  const byId = new Map<number, StockLevel>();
  for (const value of values) {
    byId.set(value.id, value);
  }
  return byId;
}

/** Context lines StockModel gathers from the modules it builds on. */
export async function collectStockModelContext(): Promise<string[]> {
  const lines: string[] = [];
  const appSettingList = await loadAppSettings({ requestedBy: 'StockModel' });
  lines.push('CommonLib: ' + appSettingList.length + ' records');
  lines.push(...appSettingList.slice(0, 3).map((item) => String(item.value)));
  return lines;
}

/** Keeps a ratio between 0 and 1 so progress never overshoots. */
export function clampRatio(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Name under which StockModel reports to the platform console. */
export const STOCK_MODEL_MODULE = 'StockModel';

/** A one-line health report of StockModel: stock levels. */
export async function stockModelHealth(): Promise<string> {
  const records = await loadStockLevels();
  const summary = summarizeStockLevels(records);
  const parts: string[] = [STOCK_MODEL_MODULE, summary.count + ' records'];
  parts.push('load ' + clampRatio(summary.count / 100).toFixed(2));
  const context = await collectStockModelContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
