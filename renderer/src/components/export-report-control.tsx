import { useState } from 'react';
import { REPORT_FORMATS, type ReportFormat } from '../../../common/domain';
import { exportReport, REPORT_FORMAT_LABELS } from './report-export';

/** A format picker and an Export report button (the latest run, or `runId`). */
export function ExportReportControl({ runId }: { runId?: number }) {
  const [format, setFormat] = useState<ReportFormat>('html');
  const [busy, setBusy] = useState(false);
  const [savedTo, setSavedTo] = useState<string | null>(null);
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
          aria-label="Report format"
        >
          {REPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {REPORT_FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" onClick={onExport} disabled={busy} data-testid="export-report">
        {busy ? 'Exporting…' : 'Export report'}
      </button>
      {savedTo && (
        <span className="export-control__saved" role="status" data-testid="export-saved">
          Saved to {savedTo}
        </span>
      )}
    </div>
  );
}
