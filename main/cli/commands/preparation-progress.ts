import type { PreparationProgress, RunKind } from '../../../common/domain';
import { runCountsWords } from '../../../common/run-words';
import type { EngineEvent, EngineEventListener } from '../../engine/preparation/preparation-events';
import { createProgress } from '../progress';

/** The counts in the Words table's words: "35 prepared, 3 failed, 2 skipped"; a check's "35 ready, 3 would fail…". */
function countsText(progress: PreparationProgress, kind: RunKind): string {
  return runCountsWords(kind, progress.counts);
}

/**
 * Shows an upgrade's or a preparation's event stream on stderr: the counts as a bar
 * (or `[prepare] 40/120 35 prepared, 3 failed, 2 skipped` lines), log lines above it.
 */
export function preparationProgress(
  title: string,
  kind: RunKind = 'upgrade',
): { onEvent: EngineEventListener; stop: () => void } {
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
      display.update(done, progress.total, countsText(progress, kind));
    }
  };
  return { onEvent, stop: () => display.stop() };
}
