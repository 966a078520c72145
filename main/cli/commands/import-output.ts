import type { ImportProgress, ImportSummary } from '../../engine/factory/import-factory';
import { createProgress } from '../progress';
import { indentRest, plural, printLine } from '../output';

/** A progress display for an import: reading the factory, then compiling its published modules. */
export function importProgress(): { onProgress: (progress: ImportProgress) => void; stop: () => void } {
  const reading = createProgress('read', { plainLine: (done, total) => `Reading module ${done} of ${total}` });
  const compiling = createProgress('compile', {
    plainLine: (done, total) =>
      done === 0 ? `Compiling ${total} published modules` : `Compiled module ${done} of ${total}`,
  });
  let phase: ImportProgress['phase'] = 'reading';
  return {
    onProgress: (progress) => {
      if (progress.phase !== phase) {
        reading.stop();
        phase = progress.phase;
      }
      (progress.phase === 'reading' ? reading : compiling).update(progress.done, progress.total);
    },
    stop: () => {
      reading.stop();
      compiling.stop();
    },
  };
}

/** What an import did, and each published module that did not compile, with its errors located. */
export function printImportSummary(environmentDir: string, summary: ImportSummary): void {
  printLine(`Imported '${summary.name}' (platform ${summary.platformVersion}) into ${environmentDir}.`);
  // An import is whole or nothing: what it found it imported, and a refusal is an error instead.
  printLine(`Found ${plural(summary.modules, 'module')}: ${summary.modules} imported, 0 refused.`);
  const recorded = summary.recordedPublishFailed;
  const failedCount = summary.publishFailed.length + recorded.length;
  printLine(
    `${plural(summary.modules, 'module')} in ${plural(summary.applications, 'application')}: ` +
      `${summary.published} published and deployed, ${summary.uploaded} uploaded, ${failedCount} failed to publish` +
      `${recorded.length === 0 ? '' : recorded.length === failedCount ? ' (as the factory recorded them)' : ` (${recorded.length} as the factory recorded them)`}.`,
  );
  if (recorded.length > 0) {
    printLine(
      `Failed to publish in the factory, not deployed: ${recorded.slice(0, 20).join(', ')}` +
        `${recorded.length > 20 ? ` and ${recorded.length - 20} more (the console's Modules list, status Excluded, shows them all)` : ''}. ` +
        `Fix and upload each, then publish it (config-tool publish NAME) to see its errors and deploy it.`,
    );
  }
  for (const failure of summary.publishFailed) {
    const errors = failure.errors.map((error) =>
      error.file ? `${error.file}:${error.line ?? 0}:${error.column ?? 0} ${error.message}` : error.message,
    );
    printLine(`${failure.name}: publish failed — ${indentRest(errors.join('\n') || 'no diagnostics')}`);
  }
}
