import { usePreparationStore } from '../stores/preparation-store';

/** How many group modules the line names before "…". */
const NAMED = 6;

/**
 * A progressive preparation (11.17.0+): the group locked now ("Preparing group 4: A, B, C…") and how many
 * modules can be published already. Renders nothing for a preparation that locks the whole environment.
 */
export function ProgressiveGroup() {
  const progressive = usePreparationStore((s) => s.progress?.progressive !== undefined);
  const running = usePreparationStore((s) => s.progress?.status === 'running');
  const groupNumber = usePreparationStore((s) => s.progress?.progressive?.group?.number ?? null);
  const groupText = usePreparationStore((s) => {
    const modules = s.progress?.progressive?.group?.modules ?? [];
    return modules.slice(0, NAMED).join(', ') + (modules.length > NAMED ? '…' : '');
  });
  const ready = usePreparationStore((s) => s.progress?.progressive?.readyToPublish ?? 0);
  if (!progressive) return null;
  return (
    <div className="progressive-group" data-testid="progressive-group">
      {running && (
        <p data-testid="progressive-group-line">
          {groupNumber !== null ? (
            <>
              Preparing group {groupNumber}: <span className="mono">{groupText}</span>
            </>
          ) : (
            'Between groups'
          )}
        </p>
      )}
      <p className="muted" data-testid="ready-to-publish">
        {ready === 1 ? '1 module ready to publish' : `${ready.toLocaleString()} modules ready to publish`}
        {running ? ': only the group above is locked.' : '.'}
      </p>
    </div>
  );
}
