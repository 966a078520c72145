import type { PreparationProgress } from '../../../common/domain';
import type { EngineEvent, EngineEventListener } from '../../engine/preparation/preparation-events';
import { createProgress } from '../progress';

function countsText(progress: PreparationProgress): string {
  const { counts } = progress;
  return `prepared=${counts.prepared} failed=${counts.failed} skipped=${counts.skipped}`;
}

/**
 * Shows an upgrade's or a preparation's event stream on stderr: the counts as a bar
 * (or `[prepare] 40/120 prepared=35 failed=3 skipped=2` lines), log lines above it.
 */
export function preparationProgress(title: string): { onEvent: EngineEventListener; stop: () => void } {
  const display = createProgress(title);
  const onEvent = (event: EngineEvent): void => {
    if (event.type === 'log') {
      const { level, text } = event.line;
      display.log(level === 'info' ? text : `${level}: ${text}`, level === 'info' ? 'routine' : 'notable');
      return;
    }
    if (event.type !== 'progress') return;
    const progress = event.progress;
    if (progress.total > 0) {
      const done = progress.counts.prepared + progress.counts.failed + progress.counts.skipped;
      display.update(done, progress.total, countsText(progress));
    }
  };
  return { onEvent, stop: () => display.stop() };
}
