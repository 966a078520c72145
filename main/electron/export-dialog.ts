/** Saves an exported report where the admin chooses, with the native save dialog. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import type { ExportedReport } from '../../common/contract';

const FILTER_NAMES: Record<string, string> = {
  csv: 'CSV file',
  json: 'JSON file',
  html: 'HTML report',
  xml: 'JUnit XML report',
};

/**
 * Asks where to save the report and writes it; the renderer gets the report back without
 * its content and with `savedTo` (null when the admin cancelled).
 */
export async function saveExportWithDialog(
  report: ExportedReport,
  parent: BrowserWindow | undefined,
): Promise<ExportedReport> {
  if (report.content === null) return report;
  const extension = path.extname(report.fileName).slice(1).toLowerCase();
  const options: SaveDialogOptions = {
    title: 'Export report',
    defaultPath: path.join(app.getPath('documents'), path.basename(report.fileName)),
    filters: extension
      ? [
          { name: FILTER_NAMES[extension] ?? `${extension.toUpperCase()} file`, extensions: [extension] },
          { name: 'All files', extensions: ['*'] },
        ]
      : [{ name: 'All files', extensions: ['*'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { ...report, content: null, savedTo: null };
  // A single small write: main's event loop can afford it, and the content is already in main.
  await fs.writeFile(choice.filePath, report.content, 'utf8');
  return { ...report, content: null, savedTo: choice.filePath };
}
