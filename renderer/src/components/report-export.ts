import type { ReportFormat } from '../../../common/domain';
import { call } from '../api/client';
import { alertFailure, pushAlert } from '../stores/alerts-store';
import { downloadText } from '../lib/download';

/** Labels of the report formats, in menu order. */
export const REPORT_FORMAT_LABELS: Record<ReportFormat, string> = {
  json: 'JSON',
  csv: 'CSV',
  html: 'HTML (printable)',
  junit: 'JUnit XML',
};

/** The same names where space is short (the Upgrades history's export links). */
export const REPORT_FORMAT_SHORT_LABELS: Record<ReportFormat, string> = { ...REPORT_FORMAT_LABELS, html: 'HTML' };

/**
 * Exports a report: the browser host returns the content, downloaded here; the
 * desktop app saves it itself and says where. Returns the "Saved to" path, if any.
 */
export async function exportReport(format: ReportFormat, runId?: number): Promise<string | null> {
  try {
    const report = await call('report.export', runId === undefined ? { format } : { format, runId });
    if (report.content !== null) {
      downloadText(report.fileName, report.mimeType, report.content);
      pushAlert('success', 'Report exported', `Downloaded ${report.fileName}.`);
      return null;
    }
    if (report.savedTo) {
      pushAlert('success', 'Report exported', `Saved to ${report.savedTo}`);
      return report.savedTo;
    }
    return null;
  } catch (error) {
    alertFailure('Export report', error);
    return null;
  }
}
