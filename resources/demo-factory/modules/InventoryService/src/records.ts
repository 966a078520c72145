import { queryEntities, formatDate } from '@platform/runtime';
import { type StockMovement, type StockMovementSummary, INVENTORY_SERVICE_ENTITY } from './types';

/** One line describing a Stock Movement, for logs and lists. */
export function describeStockMovement(value: StockMovement): string {
  const parts: string[] = [];
  parts.push(value.sku);
  parts.push(value.warehouse);
  parts.push(String(value.quantity));
  return 'Stock Movement ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Stock Movement records. */
export function summarizeStockMovements(values: StockMovement[]): StockMovementSummary {
  const labels = values.map((value) => describeStockMovement(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Stock Movement records, oldest first. */
export async function loadStockMovements(filter?: Record<string, unknown>): Promise<StockMovement[]> {
  const rows = await queryEntities<StockMovement>(INVENTORY_SERVICE_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
