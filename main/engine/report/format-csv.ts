import { stringify } from 'csv-stringify/sync';
import type { ReportFormatter } from './report-formatter';
import { errorsText } from './report-text';
import type { ReportModule } from './report-model';

function sharedOrigin(m: ReportModule): string {
  return m.reusedFromSharedCache ? `${m.reusedFromSharedCache.environment} ${m.reusedFromSharedCache.uploadedAt}` : '';
}

/** CSV columns, in order (the header row). */
export const CSV_COLUMNS = [
  'name',
  'application',
  'status',
  'duration_ms',
  'errors',
  'reused_from_check',
  'reused_from_shared_cache',
] as const;

// Formula escaping because this file is made to be opened in a spreadsheet, where an
// application name or message starting with `=` or `@` would otherwise run as a formula.
const OPTIONS = { escape_formulas: true } as const;

/**
 * One row per module, excluded ones too (status `excluded`, the reason as the error and an
 * empty duration, since nothing was measured); errors as `file:line:column message`, ` | `-separated;
 * `reused_from_check`: the readiness check run whose compilation a preparation reused, else empty;
 * `reused_from_shared_cache`: `environment uploadedAt` of a compilation taken from the shared cache, else empty.
 */
export function csvFormatter(): ReportFormatter {
  return {
    start: () => stringify([[...CSV_COLUMNS]], OPTIONS),
    module: (m) =>
      stringify(
        [
          [
            m.name,
            m.application,
            m.status,
            m.durationMs,
            errorsText(m.errors),
            m.reusedFromCheck ?? '',
            sharedOrigin(m),
          ],
        ],
        OPTIONS,
      ),
    startExcluded: () => '',
    excluded: (e) => stringify([[e.name, e.application ?? '', 'excluded', '', e.reason, '', '']], OPTIONS),
    end: () => '',
  };
}
