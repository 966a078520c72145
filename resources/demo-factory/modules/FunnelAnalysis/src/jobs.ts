import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadFunnelSteps } from './records';
import { type FunnelStep, FUNNEL_ANALYSIS_ENTITY } from './types';

/** Registers the periodic refresh of FunnelAnalysis. */
export function startFunnelAnalysisJobs(): void {
  setTimer('FunnelAnalysis.refresh', 660000, async () => {
    const records = await loadFunnelSteps();
    log('FunnelAnalysis: refreshed ' + records.length + ' Funnel Step records');
  });
}

/** Stores a Funnel Step; resolves to its id. */
export async function saveFunnelStep(value: FunnelStep): Promise<number> {
  const id = await saveEntity(FUNNEL_ANALYSIS_ENTITY, { ...value });
  log('FunnelAnalysis: saved Funnel Step ' + id);
  return id;
}
