import { useCallback, useEffect, useState } from 'react';
import type { ModuleDetail } from '../../../../common/domain';
import { call } from '../../api/client';
import { toErrorPayload } from '../../api/contract-error';
import { ModuleStatusBadge } from '../../components/status-badge';
import { hrefs } from '../../routing/route';
import { navigate } from '../../routing/use-route';
import { useModulesStore } from '../../stores/modules-store';
import { usePreparationStore } from '../../stores/preparation-store';
import { DeleteModuleDialog } from './delete-module-dialog';
import { ModuleErrors } from './module-errors';
import { ModuleLinks, ModuleStatusExplanation, PublishFailure } from './module-status-explanation';
import { deleteModule, publishModule } from './module-actions';
import { useBlockedReason } from '../../lib/action-availability';
import { formatCompileTime } from '../../lib/format';

const KIND_LABEL: Record<string, string> = { web: 'Web', mobile: 'Mobile', service: 'Service', library: 'Library' };
const STATE_LABEL: Record<string, string> = {
  published: 'Published',
  uploaded: 'Uploaded, never published',
  'publish-failed': 'Last publish failed',
};

/** Module detail: versions, preparation status, what to do when not prepared, compiler errors, Publish and Delete. */
export function ModuleDetailPage({ name }: { name: string }) {
  const [detail, setDetail] = useState<ModuleDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'publish' | 'delete' | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Re-read when this module's row changes (a run moved it on, a publish happened elsewhere).
  const rowVersion = useModulesStore((s) => {
    const index = s.indexByName.get(name);
    return index === undefined ? null : s.rows[index];
  });
  // …and when the run moves on: a producer prepared or the group changed changes what Publish allows.
  const runMoment = usePreparationStore((s) => {
    const p = s.progress;
    if (!p) return '';
    const { prepared, failed, skipped } = p.counts;
    return `${p.status}|${prepared}|${failed}|${skipped}|${p.progressive?.group?.number ?? ''}`;
  });

  const load = useCallback(async () => {
    try {
      setDetail(await call('modules.detail', { name }));
      setError(null);
    } catch (e) {
      setError(toErrorPayload(e).message);
    }
  }, [name]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- fetching on mount/refresh is the point
    void load();
  }, [load, rowVersion, runMoment]);

  // The lock first; during a progressive preparation the detail says why this module can't publish or be deleted now.
  const publishBlocked = useBlockedReason('publish') ?? detail?.publishBlockedReason ?? null;
  const deleteBlocked = useBlockedReason('delete') ?? detail?.deleteBlockedReason ?? null;
  const blockedReason =
    publishBlocked && deleteBlocked && publishBlocked !== deleteBlocked
      ? `${publishBlocked} ${deleteBlocked}`
      : (publishBlocked ?? deleteBlocked);

  const onPublish = async () => {
    setBusy('publish');
    if (await publishModule(name)) await load();
    setBusy(null);
  };
  const onDelete = async (force: boolean) => {
    setBusy('delete');
    const deleted = await deleteModule(name, force);
    setBusy(null);
    setConfirmDelete(false);
    if (deleted) navigate(hrefs.modules);
  };

  return (
    <section aria-labelledby="module-title" className="page" data-testid="module-detail">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <a className="link" href={hrefs.modules}>
          Modules
        </a>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{name}</span>
      </nav>
      <div className="page__head">
        <h1 id="module-title" className="page__title">
          {name}
        </h1>
        <div className="page__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={onPublish}
            disabled={busy !== null || !detail || publishBlocked !== null}
            aria-describedby={publishBlocked ? 'module-actions-reason' : undefined}
            data-testid="module-publish"
          >
            {busy === 'publish' ? 'Publishing…' : 'Publish'}
          </button>
          <button
            type="button"
            className="button button--danger-outline"
            onClick={() => setConfirmDelete(true)}
            disabled={busy !== null || !detail || deleteBlocked !== null}
            aria-describedby={deleteBlocked ? 'module-actions-reason' : undefined}
            data-testid="module-delete"
          >
            Delete module
          </button>
        </div>
      </div>
      {blockedReason && (
        <p id="module-actions-reason" className="action-reason" data-testid="module-actions-reason">
          {blockedReason}
        </p>
      )}
      {error && (
        <p className="note note--red" role="alert" data-testid="module-load-error">
          {error}
        </p>
      )}
      {!detail && !error && <p className="loading">Loading {name}…</p>}
      {detail && (
        <>
          <dl className="field-list field-list--wide card" data-testid="module-facts">
            <dt>Application</dt>
            <dd data-testid="module-application">{detail.application}</dd>
            <dt>Kind</dt>
            <dd data-testid="module-kind">{KIND_LABEL[detail.kind] ?? detail.kind}</dd>
            <dt>State</dt>
            <dd>{STATE_LABEL[detail.state] ?? detail.state}</dd>
            <dt>Running platform version</dt>
            <dd className="mono" data-testid="module-running-version">
              {detail.runningVersion ?? 'Not deployed'}
            </dd>
            <dt>Versions</dt>
            <dd data-testid="module-versions">
              <ModuleVersionsText versions={detail.versions} />
            </dd>
            <dt>Preparation for {detail.environmentVersion}</dt>
            <dd data-testid="module-status">
              <ModuleStatusBadge status={detail.status} />
              {detail.durationMs !== null && detail.status !== 'skipped' && (
                <span className="muted"> ({formatCompileTime(detail.durationMs)})</span>
              )}
            </dd>
            <dt>References</dt>
            <dd>
              {detail.references.length ? (
                <ModuleLinks names={detail.references} />
              ) : (
                <span className="muted">None</span>
              )}
            </dd>
            <dt>Consumed by</dt>
            <dd>
              {detail.consumers.length ? <ModuleLinks names={detail.consumers} /> : <span className="muted">None</span>}
            </dd>
          </dl>
          <ModuleStatusExplanation detail={detail} />
          {detail.publishFailure && <PublishFailure detail={detail} />}
          {detail.status !== 'skipped' && (detail.errors.length > 0 || !detail.publishFailure) && (
            <ModuleErrors errors={detail.errors} />
          )}
          {detail.preparedOutdated && (
            <p className="note note--orange" data-testid="module-prepared-outdated">
              {detail.preparedOutdated}
            </p>
          )}
        </>
      )}
      {confirmDelete && detail && (
        <DeleteModuleDialog
          name={name}
          consumers={detail.consumers}
          busy={busy === 'delete'}
          onConfirm={(force) => void onDelete(force)}
          onCancel={() => setConfirmDelete(false)}
        />
      )}
    </section>
  );
}

/** "Running version 2 · prepared version 2 · version 3 uploaded, not published yet". */
function ModuleVersionsText({ versions }: { versions: ModuleDetail['versions'] }) {
  const parts = [
    versions.running !== null ? `running version ${versions.running}` : 'none running',
    versions.prepared !== null ? `prepared version ${versions.prepared}` : null,
  ].filter((part): part is string => part !== null);
  return (
    <>
      <span>{parts.join(' · ')}</span>
      {versions.newerUpload && (
        <span className="muted" data-testid="module-newer-upload">
          {' '}
          · version {versions.latest} uploaded, not published yet (Publish publishes it)
        </span>
      )}
    </>
  );
}
