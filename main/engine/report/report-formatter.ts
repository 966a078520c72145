import type { ReportExcludedRow, ReportHead, ReportModule } from './report-model';

/**
 * Turns a report, read row by row, into the text of one export format. Called in this
 * order: start, module per module (by name), startExcluded, excluded per row, end. Each
 * call returns the text to append; a formatter keeps whatever state its syntax needs.
 */
export interface ReportFormatter {
  start(head: ReportHead): string;
  module(module: ReportModule): string;
  startExcluded(): string;
  excluded(excluded: ReportExcludedRow): string;
  end(): string;
}
