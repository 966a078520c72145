import { summarizeCatalogProducts } from '@modules/CatalogCore';
import { describeCustomerRecord, type CustomerRecord } from '@modules/CustomerCore';
import { loadOrderDrafts } from '@modules/OrderModel';

/** Context lines OrderService gathers from the modules it builds on. */
export async function collectOrderServiceContext(): Promise<string[]> {
  const lines: string[] = [];
  const customerRecordSample: CustomerRecord = { id: 7, name: 'name-6', email: 'email-7', creditLimit: 9, active: false, segments: ['segments'] };
  lines.push(describeCustomerRecord(customerRecordSample));
  const orderDraftList = await loadOrderDrafts({ requestedBy: 'OrderService' });
  lines.push('OrderModel: ' + orderDraftList.length + ' records');
  lines.push(...orderDraftList.slice(0, 3).map((item) => String(item.customerId)));
  const catalogProductSummary = summarizeCatalogProducts([{ id: 21, sku: 'sku-20', title: 'title-21', price: 23, tags: ['tags'] }]);
  lines.push(catalogProductSummary.count + ' from CatalogCore: ' + catalogProductSummary.labels.join('; '));
  return lines;
}
