import type { RunKind } from '../../../common/domain';
import { moduleStatusWord, reportTitle, runStatusWords } from '../../../common/run-words';
import { formatReportTime } from '../../../common/time-format';
import { sharedCountsText, sharedOriginText } from './shared-cache-text';
import type { ReportFormatter } from './report-formatter';
import type { ReportHead } from './report-model';
import { errorLocation, escapeHtml as h } from './report-text';

// Inline and print-first: the page is meant to be saved, mailed and printed, with nothing to fetch.
const STYLE = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 14px; color: #1b1b1b; }
  body { margin: 2rem; }
  h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
  h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
  .environment { color: #555; margin: 0 0 1.5rem; }
  .note { border-left: 4px solid #c77700; padding: .25rem .75rem; background: #fff6e5; }
  dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.5rem; margin: 0; }
  dl.summary dt { font-weight: 600; }
  dl.summary dd { margin: 0; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border-bottom: 1px solid #ddd; padding: .3rem .5rem; text-align: left; vertical-align: top; }
  th { background: #f3f3f3; }
  td.duration { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  ul.errors { margin: 0; padding-left: 1rem; }
  ul.errors li { white-space: pre-wrap; overflow-wrap: anywhere; }
  .location { font-family: ui-monospace, Consolas, monospace; color: #555; }
  .status { font-weight: 600; white-space: nowrap; }
  .status-prepared { color: #1a7f37; }
  .status-failed { color: #c62828; }
  .status-skipped, .status-pending, .status-compiling { color: #9a6700; }
  @media print {
    body { margin: 0; font-size: 10pt; }
    * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    h2 { break-after: avoid; }
  }
  @page { margin: 15mm; }
`;

/** An ISO timestamp as the reports' UTC time, keeping the exact value in `datetime`. */
function time(iso: string | null): string {
  const readable = formatReportTime(iso);
  return readable === '—' ? (iso === null ? '—' : h(iso)) : `<time datetime="${h(iso!)}">${readable}</time>`;
}

function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const totalSeconds = Math.round(ms / 1000);
  return `${Math.floor(totalSeconds / 60)} min ${totalSeconds % 60} s`;
}

function summary(head: ReportHead): string {
  const { run, totals } = head;
  const unfinished = totals.pending + totals.compiling;
  const rows: [string, string][] = [
    [
      'Run',
      `${run.id} (${head.kind === 'prepare' ? `Prepare again of run ${head.retryOf ?? '?'}` : head.kind === 'check' ? 'upgrade readiness check' : 'upgrade'})`,
    ],
    ['Platform versions', `${h(run.fromVersion)} → ${h(run.toVersion)}`],
    ['Status', `<span class="status">${h(runStatusWords(run.status, run.counts).text)}</span>`],
    ['Started', `${time(run.startedAt)} by ${h(head.startedBy)}`],
    ['Finished', time(run.finishedAt)],
    ['Modules', String(totals.modules)],
    [moduleStatusWord(head.kind, 'prepared'), String(run.counts.prepared)],
    [moduleStatusWord(head.kind, 'failed'), String(run.counts.failed)],
    [moduleStatusWord(head.kind, 'skipped'), String(run.counts.skipped)],
    ...(unfinished > 0 ? ([['Not finished', String(unfinished)]] as [string, string][]) : []),
    ['Excluded', String(run.counts.excluded)],
    ['Total compile time', duration(totals.durationMs)],
    ...(run.sharedCache ? ([['Shared cache', h(sharedCountsText(run.sharedCache))]] as [string, string][]) : []),
  ];
  return `<dl class="summary">\n${rows.map(([term, value]) => `  <dt>${term}</dt><dd>${value}</dd>`).join('\n')}\n</dl>\n`;
}

/** A self-contained printable HTML page: run summary, modules table, excluded modules. */
export function htmlFormatter(): ReportFormatter {
  let moduleCount = 0;
  let excludedOpen = false;
  let kind: RunKind = 'upgrade';
  return {
    start: (head) => {
      kind = head.kind;
      const title = `${reportTitle(head.kind)} — run ${head.run.id}`;
      const note =
        head.run.status === 'finished'
          ? ''
          : `<p class="note">This run is ${h(runStatusWords(head.run.status, head.run.counts).text.toLowerCase())}: modules not yet finished are listed as pending or compiling.</p>\n`;
      return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
        `<title>${h(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n` +
        `<h1>${h(title)}</h1>\n` +
        `<p class="environment">Environment: ${head.environmentName === null ? '—' : h(head.environmentName)}</p>\n` +
        note +
        summary(head) +
        `<h2>Modules</h2>\n<table class="modules">\n<thead><tr><th>Module</th><th>Application</th><th>Status</th><th>Duration</th><th>Errors</th></tr></thead>\n<tbody>\n`
      );
    },
    module: (m) => {
      moduleCount++;
      const errors = m.errors.length
        ? `<ul class="errors">${m.errors
            .map((e) => {
              const location = errorLocation(e);
              return `<li>${location === null ? '' : `<span class="location">${h(location)}</span> `}${h(e.message)}</li>`;
            })
            .join('')}</ul>`
        : '';
      return `<tr><td>${h(m.name)}</td><td>${h(m.application)}</td><td class="status status-${h(m.status)}">${h(moduleStatusWord(kind, m.status))}${m.reusedFromCheck === undefined ? '' : ` <span class="reused">(reused from the readiness check, run #${m.reusedFromCheck})</span>`}${m.reusedFromSharedCache ? ` <span class="reused">(${h(sharedOriginText(m.reusedFromSharedCache))})</span>` : ''}</td><td class="duration">${duration(m.durationMs)}</td><td>${errors}</td></tr>\n`;
    },
    startExcluded: () =>
      `${moduleCount === 0 ? '<tr><td colspan="5">No modules in this run.</td></tr>\n' : ''}</tbody>\n</table>\n<h2>Excluded modules</h2>\n`,
    excluded: (e) => {
      // The table opens on the first row, so "None" can replace it when there are none.
      const open = excludedOpen
        ? ''
        : '<table class="excluded">\n<thead><tr><th>Module</th><th>Application</th><th>Reason</th></tr></thead>\n<tbody>\n';
      excludedOpen = true;
      return `${open}<tr><td>${h(e.name)}</td><td>${h(e.application ?? '')}</td><td>${h(e.reason)}</td></tr>\n`;
    },
    end: () => `${excludedOpen ? '</tbody>\n</table>\n' : '<p>None.</p>\n'}</body>\n</html>\n`,
  };
}
