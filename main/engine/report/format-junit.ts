import { sharedCountsText, sharedOriginText } from './shared-cache-text';
import type { ModuleError } from '../../../common/domain';
import { runStatusWords } from '../../../common/run-words';
import type { ReportFormatter } from './report-formatter';
import type { ReportHead } from './report-model';
import { errorText, escapeXmlAttribute as attr, escapeXmlText as text, seconds } from './report-text';

/** The JUnit suite name CI shows for a run. */
export function junitSuiteName(head: ReportHead): string {
  const what = head.kind === 'check' ? 'Upgrade readiness check run' : 'Modules preparation run';
  return `${what} ${head.run.id} (${head.run.fromVersion} → ${head.run.toVersion})`;
}

/** The headline of a module's errors: the first one, and how many more there are. */
function headline(errors: readonly ModuleError[], fallback: string): string {
  if (errors.length === 0) return fallback;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `${errorText(errors[0])}${more}`;
}

/**
 * JUnit XML for CI dashboards: one testcase per module (classname = application), a failure
 * for failed modules, skipped for skipped ones and for those the run had not finished. Excluded
 * modules are not tests; they are listed in the suite's properties and system-out.
 */
export function junitFormatter(): ReportFormatter {
  let excludedOpen = false;
  return {
    start: (head) => {
      const { run, totals } = head;
      // Counts go in the opening tags, so they come from the run header, not from the rows that follow.
      const counts = `tests="${totals.modules}" failures="${run.counts.failed}" errors="0" skipped="${run.counts.skipped + totals.pending + totals.compiling}" time="${seconds(totals.durationMs)}"`;
      const property = (name: string, value: string | number | null): string =>
        `      <property name="${attr(name)}" value="${attr(String(value ?? ''))}"/>\n`;
      return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
        `<testsuites name="${attr(head.kind === 'check' ? 'Upgrade readiness check' : 'Modules preparation')}" ${counts}>\n` +
        `  <testsuite name="${attr(junitSuiteName(head))}" ${counts} timestamp="${attr(run.startedAt)}">\n` +
        '    <properties>\n' +
        property('environment', head.environmentName) +
        property('runStatus', run.status) +
        property('outcome', runStatusWords(run.status, run.counts).text) +
        property('fromVersion', run.fromVersion) +
        property('toVersion', run.toVersion) +
        property('kind', run.kind) +
        property('finishedAt', run.finishedAt) +
        property('excluded', run.counts.excluded) +
        (run.sharedCache ? property('sharedCache', sharedCountsText(run.sharedCache)) : '') +
        '    </properties>\n'
      );
    },
    module: (m) => {
      const open = `    <testcase classname="${attr(m.application)}" name="${attr(m.name)}" time="${seconds(m.durationMs)}"`;
      switch (m.status) {
        case 'prepared':
          if (m.reusedFromSharedCache)
            return `${open}>\n      <system-out>${text(sharedOriginText(m.reusedFromSharedCache))}.</system-out>\n    </testcase>\n`;
          return m.reusedFromCheck === undefined
            ? `${open}/>\n`
            : `${open}>\n      <system-out>Reused from the readiness check (run #${m.reusedFromCheck}).</system-out>\n    </testcase>\n`;
        case 'failed':
          return (
            `${open}>\n      <failure message="${attr(headline(m.errors, 'failed'))}" type="preparation-failed">` +
            `${text(m.errors.map(errorText).join('\n'))}</failure>\n    </testcase>\n`
          );
        case 'skipped':
          return `${open}>\n      <skipped message="${attr(headline(m.errors, 'skipped'))}"/>\n    </testcase>\n`;
        case 'pending':
        case 'compiling':
          return `${open}>\n      <skipped message="not finished"/>\n    </testcase>\n`;
      }
    },
    startExcluded: () => '',
    excluded: (e) => {
      // Opened on the first row, so a run without exclusions has no empty system-out.
      const open = excludedOpen ? '' : '    <system-out>Excluded modules:\n';
      excludedOpen = true;
      return `${open}${text(`${e.name}: ${e.reason}`)}\n`;
    },
    end: () => `${excludedOpen ? '</system-out>\n' : ''}  </testsuite>\n</testsuites>\n`,
  };
}
