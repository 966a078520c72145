/**
 * Writes a synthetic factory folder from the command line, for benchmarks and manual tests:
 *
 *   npx esbuild bench/generate-factory-cli.ts --bundle --platform=node --format=esm \
 *     --outfile=out/generate-factory-cli.mjs && node out/generate-factory-cli.mjs --out /tmp/f10k --modules 10000
 */
import { existsSync, readdirSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { generateFactory, type FactoryOptions } from './factory-generator';

function integer(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('expected a whole number');
  return parsed;
}

function fraction(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0 || parsed > 1)
    throw new InvalidArgumentError('expected a number from 0 to 1');
  return parsed;
}

/** Parses `argv` (as process.argv), writes the factory and prints a one-line summary; resolves to the exit code. */
export function runGenerateFactoryCli(
  argv: string[],
  print: (line: string) => void = (line) => process.stdout.write(line + '\n'),
): number {
  const program = new Command('generate-factory')
    .description('Writes a synthetic factory folder (environment.json + modules/) for benchmarks and tests.')
    .requiredOption('--out <dir>', 'folder to write; must be empty or missing')
    .requiredOption('--modules <n>', 'number of modules', integer)
    .option('--seed <s>', 'random seed; the same seed and options give identical files', integer, 1)
    .option('--apps <n>', 'number of applications (default: modules / 8)', integer)
    .option('--depth <n>', 'longest producer chain', integer, 5)
    .option('--files <n>', 'average .ts files per module', integer, 3)
    .option('--cycles <n>', 'small reference cycles among published modules', integer, 0)
    .option('--uploaded <f>', 'fraction of modules only uploaded', fraction, 0.03)
    .option('--publish-failed <f>', 'fraction of modules whose publication failed', fraction, 0.02)
    .option('--removed-api <f>', 'fraction of published modules calling APIs removed in 11.12.0', fraction, 0.01)
    .option('--no-date-text', 'web views format dates with numeric patterns only (11.17.0 refuses month names)')
    .option('--platform-version <v>', "environment's platform version", '11.11.3')
    .option('--name <name>', 'environment name')
    .exitOverride();
  program.parse(argv);
  const o = program.opts<{
    out: string;
    modules: number;
    seed: number;
    apps?: number;
    depth: number;
    files: number;
    cycles: number;
    uploaded: number;
    publishFailed: number;
    removedApi: number;
    dateText: boolean;
    platformVersion: string;
    name?: string;
  }>();
  if (existsSync(o.out) && readdirSync(o.out).length > 0) {
    process.stderr.write(`${o.out} is not empty: choose an empty or new folder.\n`);
    return 2;
  }
  const options: FactoryOptions = {
    moduleCount: o.modules,
    applicationCount: o.apps,
    maxDepth: o.depth,
    filesPerModule: o.files,
    seed: o.seed,
    platformVersion: o.platformVersion,
    environmentName: o.name,
    uploadedOnly: o.uploaded,
    publishFailed: o.publishFailed,
    removedApiUsers: o.removedApi,
    dateTextPatterns: o.dateText,
    cycles: o.cycles,
  };
  const started = performance.now();
  const factory = generateFactory(o.out, options);
  const counts: Record<string, number> = { prepared: 0, failed: 0, skipped: 0, excluded: 0 };
  for (const status of Object.values(factory.expected)) counts[status] = (counts[status] ?? 0) + 1;
  print(
    `Wrote ${factory.modules.length} modules (${factory.fileCount} files) to ${o.out} in ` +
      `${Math.round(performance.now() - started)} ms. Expected on 11.13.0: ${counts.prepared} prepared, ` +
      `${counts.failed} failed, ${counts.skipped} skipped, ${counts.excluded} excluded.`,
  );
  return 0;
}

// Runs only as the entry point, whether executed from source or from a bundle.
if (process.argv[1] && /generate-factory-cli\.[cm]?[jt]s$/.test(process.argv[1])) {
  try {
    process.exitCode = runGenerateFactoryCli(process.argv);
  } catch (error) {
    // Commander already printed usage errors; its exitOverride throws to hand us the code.
    const code = (error as { exitCode?: number }).exitCode;
    process.exitCode = code === undefined ? 1 : code === 0 ? 0 : 2;
    if (code === undefined) process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  }
}
