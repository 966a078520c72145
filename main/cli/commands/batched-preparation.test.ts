import { describe, expect, it } from 'vitest';
import { killIfRunning, startCli } from '../../../test-support/background-cli';
import { compilationsPerModule } from '../../../test-support/environment-db';
import { consumerSource, legacyMailSource, writeTestFactory } from '../../../test-support/factories';
import { importedEnvironment } from '../../../test-support/imported-environment';
import { readJsonReport as report, reportStatuses as statuses } from '../../../test-support/json-report';
import { faults, runCliIn as cli, SETUP_TIMEOUT_MS } from '../../../test-support/run-cli';

/** Lib, then nine modules that become ready together (one request, one program): eight fine, and Bad. */
const MATES = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8'];

const imported = importedEnvironment({
  prefix: 'config-tool-batched-',
  factory: (dir) =>
    writeTestFactory(dir, {
      modules: [
        { name: 'Lib' },
        ...MATES.map((name) => ({ name, references: ['Lib'] })),
        // Fine on 11.11.3, fails on 11.13.0 (sendMailLegacy is gone): a failing module among its batch-mates.
        { name: 'Bad', references: ['Lib'], files: legacyMailSource() },
        {
          name: 'BadUser',
          references: ['Bad'],
          files: {
            'index.ts': `import { notify } from '@modules/Bad';\n\nexport const tell = (): void => notify('a@b.c');\n`,
          },
        },
        { name: 'Later', references: ['A1', 'A2'], files: consumerSource('Later', ['A1', 'A2']) },
      ],
    }),
  settings: { parallelCompilations: '1', moduleTimeLimitSeconds: '20' },
});

const EXPECTED = {
  Lib: 'prepared',
  ...Object.fromEntries(MATES.map((name) => [name, 'prepared'])),
  Bad: 'failed',
  BadUser: 'skipped',
  Later: 'prepared',
};

/** Every module compiled by the preparation at most once (one compilation stored per module). */
function expectCompiledOnce(env: string, names: string[]): void {
  const compiled = compilationsPerModule(env, 'prepare');
  for (const name of names) expect(compiled[name] ?? 0, name).toBe(1);
}

describe('a preparation that compiles ready modules several to a program', () => {
  it(
    'prepares the batch-mates of a failing module and skips only its consumers',
    async () => {
      const env = imported.fresh();
      expect((await cli(env, ['upgrade', '--to', '11.13.0'])).status).toBe(3);
      const json = await report(env);
      expect(statuses(json)).toEqual(EXPECTED);
      const bad = json.modules.find((module) => module.name === 'Bad')!;
      expect(bad.errors[0]).toMatchObject({ file: 'src/index.ts', message: expect.stringContaining('sendMailLegacy') });
      expect(json.modules.find((module) => module.name === 'BadUser')!.errors[0]!.message).toContain("'Bad'");
      expectCompiledOnce(env, ['Lib', ...MATES, 'Bad', 'Later']);
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'compiles every module of a batch once more when its compiler server or process dies, recording each once',
    async () => {
      const env = imported.fresh();
      // A3's native server dies at every attempt, A5's compiler process crashes at every attempt: both fail,
      // their batch-mates are compiled again (alone) and prepared.
      const upgrade = await cli(env, ['upgrade', '--to', '11.13.0'], faults('server-dies:A3,crash:A5'));
      expect(upgrade.status).toBe(3);
      const json = await report(env);
      expect(statuses(json)).toEqual({ ...EXPECTED, A3: 'failed', A5: 'failed' });
      const errorOf = (name: string) => json.modules.find((module) => module.name === name)!.errors[0]!.message;
      expect(errorOf('A3')).toMatch(/^The TypeScript compiler server stopped twice while compiling 'A3'/);
      expect(errorOf('A5')).toBe("The compiler process crashed (exit code 70) twice while compiling 'A5'");
      expectCompiledOnce(env, ['Lib', 'A1', 'A2', 'A4', 'A6', 'A7', 'A8', 'Bad', 'A3', 'Later']);
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'stops at Ctrl+C while a batch compiles and resumes without compiling a module twice',
    async () => {
      const env = imported.fresh();
      // Each request takes 400 ms per module: the batch of nine is compiling when Ctrl+C comes.
      const upgrade = startCli(['upgrade', '--to', '11.13.0', '--env', env], faults('delay:400'));
      try {
        await upgrade.printed(/Compiling module \d+ of \d+: A\d/);
        upgrade.child.kill('SIGINT');
        expect(await upgrade.exited).toBe(130);
      } finally {
        killIfRunning(upgrade);
      }
      const stopped = await report(env);
      expect(stopped.run.status).toBe('interrupted');
      expect(statuses(stopped).Later).toBe('pending');

      expect((await cli(env, ['prepare'])).status).toBe(3);
      const json = await report(env);
      expect(json.run.id).toBe(stopped.run.id);
      expect(statuses(json)).toEqual(EXPECTED);
      expectCompiledOnce(env, ['Lib', ...MATES, 'Bad', 'Later']);
    },
    SETUP_TIMEOUT_MS,
  );
});
