import { log } from '@platform/runtime';
import { describeAppSetting, type AppSetting } from '@modules/CommonLib';
import { summarizeTrackedEvents, loadTrackedEvents } from './format';
import type { TrackedEvent } from './types';

export { describeTrackedEvent, summarizeTrackedEvents, loadTrackedEvents } from './format';
export { EVENT_TRACKING_ENTITY } from './types';
export type { TrackedEvent, TrackedEventSummary } from './types';

/** Problems that keep a Event from being saved; empty when it is valid. */
export function validateTrackedEvent(value: TrackedEvent): string[] {
  const problems: string[] = [];
  if (value.id < 0) problems.push('id must not be negative');
  if (value.name.trim().length === 0) problems.push('name is required');
  if (value.source.trim().length === 0) problems.push('source is required');
  if (!isFinite(value.count) || value.count < 0) problems.push('count must be a positive number');
  if (isNaN(value.recordedAt.getTime())) problems.push('recordedAt is not a valid date');
  return problems;
}

/** Context lines EventTracking gathers from the modules it builds on. */
export async function collectEventTrackingContext(): Promise<string[]> {
  const lines: string[] = [];
  const appSettingSample: AppSetting = { id: 1, key: 'key-0', value: 'value-1', updatedAt: new Date(1700172800000) };
  lines.push(describeAppSetting(appSettingSample));
  return lines;
}

/** Name under which EventTracking reports to the platform console. */
export const EVENT_TRACKING_MODULE = 'EventTracking';

/** A one-line health report of EventTracking: event tracking. */
export async function eventTrackingHealth(): Promise<string> {
  const records = await loadTrackedEvents();
  const summary = summarizeTrackedEvents(records);
  const parts: string[] = [EVENT_TRACKING_MODULE, summary.count + ' records'];
  const context = await collectEventTrackingContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
