import { log } from '@platform/runtime';
import { loadTrackedEvents } from '@modules/EventTracking';
import { summarizeOrderDrafts } from '@modules/OrderModel';
import { summarizeFunnelSteps, loadFunnelSteps } from './records';

export { startFunnelAnalysisJobs, saveFunnelStep } from './jobs';
export { describeFunnelStep, summarizeFunnelSteps, loadFunnelSteps } from './records';
export { FUNNEL_ANALYSIS_ENTITY } from './types';
export type { FunnelStep, FunnelStepSummary } from './types';

/** Context lines FunnelAnalysis gathers from the modules it builds on. */
export async function collectFunnelAnalysisContext(): Promise<string[]> {
  const lines: string[] = [];
  const trackedEventList = await loadTrackedEvents({ requestedBy: 'FunnelAnalysis' });
  lines.push('EventTracking: ' + trackedEventList.length + ' records');
  lines.push(...trackedEventList.slice(0, 3).map((item) => String(item.count)));
  const orderDraftSummary = summarizeOrderDrafts([{ id: 18, orderNumber: 'orderNumber-17', customerId: 19, total: 20, placedAt: new Date(1701728000000) }]);
  lines.push(orderDraftSummary.count + ' from OrderModel: ' + orderDraftSummary.labels.join('; '));
  return lines;
}

/** Name under which FunnelAnalysis reports to the platform console. */
export const FUNNEL_ANALYSIS_MODULE = 'FunnelAnalysis';

/** A one-line health report of FunnelAnalysis: sales funnels. */
export async function funnelAnalysisHealth(): Promise<string> {
  const records = await loadFunnelSteps();
  const summary = summarizeFunnelSteps(records);
  const parts: string[] = [FUNNEL_ANALYSIS_MODULE, summary.count + ' records'];
  const context = await collectFunnelAnalysisContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
