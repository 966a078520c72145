import { useId, useState } from 'react';
import { REPORT_FORMATS, type ReportFormat } from '../../../common/domain';
import { useConnectionStore } from '../stores/connection-store';
import { useEnvironmentStore } from '../stores/environment-store';
import { DISCONNECTED_REASON } from '../lib/action-availability';
import { exportReport, REPORT_FORMAT_LABELS } from './report-export';

/** Why there is nothing to export yet. */
export const NO_REPORT_REASON = 'No report yet: no modules preparation has run in this environment.';

/** A format picker and an Export report button (the latest run, or `runId`). */
export function ExportReportControl({ runId }: { runId?: number }) {
  const exportReasonId = useId();
  const [format, setFormat] = useState<ReportFormat>('html');
  const [busy, setBusy] = useState(false);
  const [savedTo, setSavedTo] = useState<string | null>(null);
  const hasRun = useEnvironmentStore((s) => runId !== undefined || s.status?.latestRun != null);
  const connected = useConnectionStore((s) => s.state !== 'closed');
  const blocked = !connected ? DISCONNECTED_REASON : hasRun ? null : NO_REPORT_REASON;
  const onExport = async () => {
    setBusy(true);
    setSavedTo(await exportReport(format, runId));
    setBusy(false);
  };
  return (
    <div className="export-control">
      <label className="export-control__label">
        <span className="visually-hidden">Report format</span>
        <select
          value={format}
          onChange={(e) => setFormat(e.target.value as ReportFormat)}
          data-testid="export-format"
          disabled={blocked !== null}
          aria-label="Report format"
        >
          {REPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {REPORT_FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button"
        onClick={onExport}
        disabled={busy || blocked !== null}
        title={blocked ?? undefined}
        aria-describedby={blocked ? exportReasonId : undefined}
        data-testid="export-report"
      >
        {busy ? 'Exporting…' : 'Export report'}
      </button>
      {blocked === NO_REPORT_REASON && (
        <span id={exportReasonId} className="export-control__reason" data-testid="export-report-reason">
          No report yet
        </span>
      )}
      {blocked === DISCONNECTED_REASON && (
        <span id={exportReasonId} className="visually-hidden">
          {blocked}
        </span>
      )}
      {savedTo && (
        <span className="export-control__saved" role="status" data-testid="export-saved">
          Saved to {savedTo}
        </span>
      )}
    </div>
  );
}
