import { usePreparationStore } from '../stores/preparation-store';
import { ProgressBar } from './progress-bar';

/** The overall progress bar of the current run, coloured by how it is going. */
export function RunProgressBar({ testId = 'run-progress' }: { testId?: string }) {
  const percent = usePreparationStore((s) => s.progress?.percent ?? 0);
  const status = usePreparationStore((s) => s.progress?.status ?? 'running');
  const troubled = usePreparationStore((s) =>
    s.progress ? s.progress.counts.failed + s.progress.counts.skipped > 0 : false,
  );
  const tone = status === 'failed' ? 'red' : status === 'finished' ? (troubled ? 'orange' : 'green') : 'blue';
  return (
    <div className="run-progress">
      <ProgressBar percent={percent} label="Modules preparation progress" tone={tone} testId={testId} />
      <span className="run-progress__percent" aria-hidden="true">
        {Math.round(percent)}%
      </span>
    </div>
  );
}
