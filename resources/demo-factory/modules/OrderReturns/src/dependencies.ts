import { loadSalesOrders } from '@modules/OrderService';

/** Context lines OrderReturns gathers from the modules it builds on. */
export async function collectOrderReturnsContext(): Promise<string[]> {
  const lines: string[] = [];
  const salesOrderList = await loadSalesOrders({ requestedBy: 'OrderReturns' });
  lines.push('OrderService: ' + salesOrderList.length + ' records');
  lines.push(...salesOrderList.slice(0, 3).map((item) => String(item.total)));
  return lines;
}
