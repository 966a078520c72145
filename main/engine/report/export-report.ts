import { REPORT_FORMATS, type ReportFormat } from '../../../common/domain';
import { UserError } from '../errors';
import type { Db } from '../store/database';
import { csvFormatter } from './format-csv';
import { htmlFormatter } from './format-html';
import { jsonFormatter } from './format-json';
import { junitFormatter } from './format-junit';
import type { ReportFormatter } from './report-formatter';
import {
  iterateReportExcluded,
  iterateReportModules,
  REPORT_STATUS_ORDER,
  loadReportHead,
  type PageOptions,
  type ReportHead,
} from './report-model';

/** Which run to export (the latest when runId is omitted) and in which format. */
export interface ExportReportOptions {
  runId?: number;
  format: ReportFormat;
}

/** A report rendered in memory, ready to save or send. */
export interface ExportedReport {
  fileName: string;
  mimeType: string;
  content: string;
}

const FORMATS: Record<ReportFormat, { extension: string; mimeType: string; create: () => ReportFormatter }> = {
  json: { extension: 'json', mimeType: 'application/json', create: jsonFormatter },
  csv: { extension: 'csv', mimeType: 'text/csv; charset=utf-8', create: csvFormatter },
  html: { extension: 'html', mimeType: 'text/html; charset=utf-8', create: htmlFormatter },
  junit: { extension: 'xml', mimeType: 'application/xml', create: junitFormatter },
};

const CLOSED_EARLY = 'The report stream was closed before the report was written.';

/** Rows read per page. The statement is finished between pages, so while a slow stream catches up the engine can still write. */
const PAGE_SIZE = 1000;

function formatOf(format: ReportFormat): (typeof FORMATS)[ReportFormat] {
  // The format arrives from the CLI, IPC or HTTP as a plain string; the type alone doesn't guarantee it.
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UserError(
      'bad-usage',
      `Unknown report format '${String(format)}'. Use one of: ${REPORT_FORMATS.join(', ')}.`,
    );
  }
  return FORMATS[format];
}

/** The file name a report is saved under, e.g. `acme-production-preparation-run-3.csv` (the environment's name first). */
export function reportFileName(runId: number, format: ReportFormat, environmentName: string | null = null): string {
  const slug = (environmentName ?? '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug ? `${slug}-` : ''}preparation-run-${runId}.${formatOf(format).extension}`;
}

/**
 * One section's rows as text, a page per chunk. Each page is read with `.iterate()` and
 * formatted row by row; the statement is finished before the chunk is yielded, so a consumer
 * may await between chunks while others use the connection.
 */
function* pagedSection<Row extends { name: string }>(
  readPage: (page: PageOptions) => Iterable<Row>,
  format: (row: Row) => string,
): Generator<string> {
  let after = '';
  for (;;) {
    let chunk = '';
    let read = 0;
    for (const row of readPage({ after, limit: PAGE_SIZE })) {
      chunk += format(row);
      after = row.name;
      read++;
    }
    yield chunk;
    if (read < PAGE_SIZE) return;
  }
}

/** The whole report as text chunks, in the order every formatter expects. */
function* reportChunks(db: Db, head: ReportHead, formatter: ReportFormatter): Generator<string> {
  const runId = head.run.id;
  yield formatter.start(head);
  for (const status of REPORT_STATUS_ORDER) {
    yield* pagedSection(
      (page) => iterateReportModules(db, runId, { ...page, status }),
      (row) => formatter.module(row),
    );
  }
  yield formatter.startExcluded();
  yield* pagedSection(
    (page) => iterateReportExcluded(db, runId, page),
    (row) => formatter.excluded(row),
  );
  yield formatter.end();
}

/** Renders the preparation report of a run (the latest when runId is omitted) in memory. */
export function exportReport(db: Db, options: ExportReportOptions): ExportedReport {
  const format = formatOf(options.format);
  const head = loadReportHead(db, options.runId);
  let content = '';
  for (const chunk of reportChunks(db, head, format.create())) content += chunk;
  return {
    fileName: reportFileName(head.run.id, options.format, head.environmentName),
    mimeType: format.mimeType,
    content,
  };
}

/**
 * Streams the preparation report of a run (the latest when runId is omitted) to `writable`,
 * page by page as rows are read, honouring backpressure. Resolves when everything is handed to
 * the stream; does not end it (stdout must stay open). A missing run rejects before anything is written.
 */
export async function writeReport(
  db: Db,
  options: ExportReportOptions,
  writable: NodeJS.WritableStream,
): Promise<void> {
  const format = formatOf(options.format);
  const head = loadReportHead(db, options.runId);

  // A stream error arrives asynchronously; listening for it the whole time turns it into a
  // rejection instead of an unhandled 'error' event that would take the process down.
  let failure: Error | null = null;
  const onError = (error: Error): void => {
    failure ??= error;
  };
  writable.on('error', onError);
  try {
    for (const chunk of reportChunks(db, head, format.create())) {
      assertWritable(writable, failure);
      if (chunk !== '' && !writable.write(chunk)) await drained(writable);
    }
    assertWritable(writable, failure);
  } finally {
    writable.removeListener('error', onError);
  }
}

function assertWritable(writable: NodeJS.WritableStream, failure: Error | null): void {
  if (failure) throw failure;
  const stream = writable as Partial<{ destroyed: boolean; writableEnded: boolean }>;
  if (stream.destroyed || stream.writableEnded) throw new Error(CLOSED_EARLY);
}

function drained(writable: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    // Its 'close' may already be past: waiting for 'drain' would then never end.
    if ((writable as Partial<{ destroyed: boolean }>).destroyed) {
      reject(new Error(CLOSED_EARLY));
      return;
    }
    const done = (error?: Error): void => {
      writable.removeListener('drain', onDrain);
      writable.removeListener('error', onError);
      writable.removeListener('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = (): void => done();
    const onError = (error: Error): void => done(error);
    const onClose = (): void => done(new Error(CLOSED_EARLY));
    writable.on('drain', onDrain);
    writable.on('error', onError);
    writable.on('close', onClose);
  });
}
