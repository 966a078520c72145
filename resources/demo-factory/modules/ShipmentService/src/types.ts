/** A Shipment record as ShipmentService stores it. */
export interface Shipment {
  id: number;
  trackingNumber: string;
  carrier: string;
  weightKg: number;
  shippedAt: Date;
}

/** What ShipmentService reports about a batch of Shipment records. */
export interface ShipmentSummary {
  count: number;
  labels: string[];
}

/** Entity under which ShipmentService stores its records. */
export const SHIPMENT_SERVICE_ENTITY = 'ShipmentService.Shipment';
