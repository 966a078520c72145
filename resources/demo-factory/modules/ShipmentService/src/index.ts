import { log, saveEntity, setTimer } from '@platform/runtime';
import { summarizeCarrierProfiles } from '@modules/CarrierLib';
import { describeCustomerRecord, type CustomerRecord } from '@modules/CustomerCore';
import { loadOrderDrafts } from '@modules/OrderModel';
import { summarizeShipments, loadShipments } from './records';
import { type Shipment, SHIPMENT_SERVICE_ENTITY } from './types';

export { describeShipment, summarizeShipments, loadShipments } from './records';
export { SHIPMENT_SERVICE_ENTITY } from './types';
export type { Shipment, ShipmentSummary } from './types';

/** Registers the periodic refresh of ShipmentService. */
export function startShipmentServiceJobs(): void {
  setTimer('ShipmentService.refresh', 300000, async () => {
    const records = await loadShipments();
    log('ShipmentService: refreshed ' + records.length + ' Shipment records');
  });
}

/** Stores a Shipment; resolves to its id. */
export async function saveShipment(value: Shipment): Promise<number> {
  const id = await saveEntity(SHIPMENT_SERVICE_ENTITY, { ...value });
  log('ShipmentService: saved Shipment ' + id);
  return id;
}

/** Context lines ShipmentService gathers from the modules it builds on. */
export async function collectShipmentServiceContext(): Promise<string[]> {
  const lines: string[] = [];
  const orderDraftList = await loadOrderDrafts({ requestedBy: 'ShipmentService' });
  lines.push('OrderModel: ' + orderDraftList.length + ' records');
  lines.push(...orderDraftList.slice(0, 3).map((item) => String(item.orderNumber)));
  const carrierProfileSummary = summarizeCarrierProfiles([{ id: 12, trackingNumber: 'trackingNumber-11', carrier: 'carrier-12', weightKg: 14, shippedAt: new Date(1701209600000) }]);
  lines.push(carrierProfileSummary.count + ' from CarrierLib: ' + carrierProfileSummary.labels.join('; '));
  const customerRecordSample: CustomerRecord = { id: 19, name: 'name-18', email: 'email-19', creditLimit: 21, active: false, segments: ['segments'] };
  lines.push(describeCustomerRecord(customerRecordSample));
  return lines;
}

/** Name under which ShipmentService reports to the platform console. */
export const SHIPMENT_SERVICE_MODULE = 'ShipmentService';

/** A one-line health report of ShipmentService: shipments. */
export async function shipmentServiceHealth(): Promise<string> {
  const records = await loadShipments();
  const summary = summarizeShipments(records);
  const parts: string[] = [SHIPMENT_SERVICE_MODULE, summary.count + ' records'];
  const context = await collectShipmentServiceContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
