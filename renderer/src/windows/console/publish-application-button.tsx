import { useMemo, useState } from 'react';
import { call } from '../../api/client';
import { loadModules, refreshStatus } from '../../api/loaders';
import { ConfirmActions, ModalDialog } from '../../components/modal-dialog';
import { useBlockedReason } from '../../lib/action-availability';
import { plural } from '../../lib/format';
import { alertFailure, pushAlert } from '../../stores/alerts-store';
import { useModulesStore } from '../../stores/modules-store';

/** Publishes every module of an application in one go (like `config-tool publish --app APP`), after a confirmation. */
export function PublishApplicationButton({ application }: { application: string }) {
  const rows = useModulesStore((s) => s.listed);
  const names = useMemo(
    () => rows.filter((row) => row.application === application).map((row) => row.name),
    [rows, application],
  );
  const blocked = useBlockedReason('publish');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const onPublish = async () => {
    setBusy(true);
    try {
      const outcome = await call('modules.publish', { names });
      const published = outcome.published.length;
      const reused = outcome.reusedPrepared.length;
      const summary =
        `${plural(published, 'module')} of ${application} published` +
        (reused > 0 ? ` (${reused} reused a prepared compilation)` : '') +
        '.';
      if (outcome.failed.length > 0) {
        pushAlert(
          'error',
          `Publish of ${application}: ${plural(outcome.failed.length, 'module')} failed`,
          `${summary} Failed: ${outcome.failed.map((f) => `${f.name} (${f.message})`).join('; ')}`,
        );
      } else {
        pushAlert('success', `${application} published`, summary);
      }
    } catch (error) {
      alertFailure(`Publish ${application}`, error);
    } finally {
      setBusy(false);
      setConfirming(false);
      void loadModules();
      void refreshStatus();
    }
  };

  if (names.length === 0) return null;
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => setConfirming(true)}
        disabled={busy || blocked !== null}
        title={blocked ?? undefined}
        data-testid="publish-application"
      >
        {busy ? 'Publishing…' : `Publish ${application} (${plural(names.length, 'module')})`}
      </button>
      {confirming && (
        <ModalDialog
          title={`Publish ${application}?`}
          onCancel={() => setConfirming(false)}
          testId="publish-application-dialog"
          actions={
            <ConfirmActions
              confirm="Publish"
              busyLabel="Publishing…"
              busy={busy}
              autofocus="cancel"
              onConfirm={() => void onPublish()}
              onCancel={() => setConfirming(false)}
              confirmTestId="publish-application-confirm"
            />
          }
        >
          <p>
            The {plural(names.length, 'module')} of {application} are published, producers first: each is compiled (or
            its prepared compilation reused) and deployed, so what runs changes. A module that fails to compile keeps
            running what it ran before.
          </p>
        </ModalDialog>
      )}
    </>
  );
}
