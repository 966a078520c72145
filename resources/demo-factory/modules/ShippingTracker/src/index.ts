import { log, queryEntities, formatDate, getCurrentUser, type CurrentUser } from '@platform/runtime';
import { summarizeShipments } from '@modules/ShipmentService';
import { type TrackingView, type TrackingViewSummary, SHIPPING_TRACKER_ENTITY } from './types';

export { SHIPPING_TRACKER_ENTITY } from './types';
export type { TrackingView, TrackingViewSummary } from './types';

/** One line describing a Tracking Event, for logs and lists. */
export function describeTrackingView(value: TrackingView): string {
  const parts: string[] = [];
  parts.push(value.trackingNumber);
  parts.push(value.carrier);
  parts.push(value.weightKg.toFixed(2));
  parts.push(formatDate(value.shippedAt, 'yyyy-MM-dd'));
  return 'Tracking Event ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Tracking Event records. */
export function summarizeTrackingViews(values: TrackingView[]): TrackingViewSummary {
  const labels = values.map((value) => describeTrackingView(value));
  return { count: values.length, labels };
}

/** Reads Tracking Event records, oldest first. */
export async function loadTrackingViews(filter?: Record<string, unknown>): Promise<TrackingView[]> {
  const rows = await queryEntities<TrackingView>(SHIPPING_TRACKER_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}

/** A dashboard as ShippingTracker shows it. */
export interface ShippingTrackerDashboard {
  title: string;
  rows: string[];
  editable: boolean;
}

/** Whether the user may edit Tracking Event records. */
export function canEditTrackingView(user: CurrentUser): boolean {
  return user.roles.indexOf('ShippingTracker.editor') >= 0 || user.roles.indexOf('admin') >= 0;
}

/** Builds the ShippingTracker dashboard for the current user. */
export async function buildShippingTrackerDashboard(): Promise<ShippingTrackerDashboard> {
  const user = getCurrentUser();
  const records = await loadTrackingViews({ owner: user.id });
  return {
    title: 'Tracking Event dashboard of ' + user.name,
    rows: records.slice(0, 25).map((record) => describeTrackingView(record)),
    editable: canEditTrackingView(user),
  };
}

/** Context lines ShippingTracker gathers from the modules it builds on. */
export async function collectShippingTrackerContext(): Promise<string[]> {
  const lines: string[] = [];
  const shipmentSummary = summarizeShipments([{ id: 12, trackingNumber: 'trackingNumber-11', carrier: 'carrier-12', weightKg: 14, shippedAt: new Date(1701209600000) }]);
  lines.push(shipmentSummary.count + ' from ShipmentService: ' + shipmentSummary.labels.join('; '));
  return lines;
}

/** Keeps a ratio between 0 and 1 so progress never overshoots. */
export function clampRatio(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Name under which ShippingTracker reports to the platform console. */
export const SHIPPING_TRACKER_MODULE = 'ShippingTracker';

/** A one-line health report of ShippingTracker: parcel tracking pages. */
export async function shippingTrackerHealth(): Promise<string> {
  const records = await loadTrackingViews();
  const summary = summarizeTrackingViews(records);
  const parts: string[] = [SHIPPING_TRACKER_MODULE, summary.count + ' records'];
  parts.push('load ' + clampRatio(summary.count / 100).toFixed(2));
  const context = await collectShippingTrackerContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
