import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModuleError, ModulePreparationStatus } from '../../../common/domain';
import { UserError } from '../errors';
import { openDatabase, type Db } from '../store/database';
import { exportReport, writeReport } from './export-report';
import { loadReport } from './report-model';

// --- Seeding helper: writes rows the way the preparation engine leaves them. ---

interface SeedItem {
  name: string;
  application: string;
  status: ModulePreparationStatus;
  durationMs?: number;
  errors?: ModuleError[];
}

interface SeedRun {
  fromVersion?: string;
  toVersion?: string;
  status?: 'running' | 'finished' | 'interrupted';
  kind?: 'upgrade' | 'prepare' | 'check';
  retryOf?: number;
  items?: SeedItem[];
  excluded?: { name: string; reason: string }[];
}

function seedEnvironment(db: Db, name = 'Acme Production'): void {
  db.prepare(`INSERT INTO environment (id, name, platform_version, created_at) VALUES (1, ?, '11.13.0', ?)`).run(
    name,
    '2025-01-01T00:00:00.000Z',
  );
}

/** Stores a module row, so the excluded section can name its application. */
function seedModule(db: Db, name: string, application: string): void {
  db.prepare('INSERT OR IGNORE INTO applications (name) VALUES (?)').run(application);
  db.prepare(
    `INSERT INTO modules (name, application_id, kind, created_at)
     SELECT ?, id, 'service', '2025-01-01T00:00:00.000Z' FROM applications WHERE name = ?`,
  ).run(name, application);
}

function seedRun(db: Db, run: SeedRun): number {
  const finished = run.status !== 'running';
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO preparation_runs (kind, retry_of, from_version, to_version, status, started_at, finished_at, started_by)
       VALUES (@kind, @retryOf, @fromVersion, @toVersion, @status, @startedAt, @finishedAt, 'admin')`,
    )
    .run({
      kind: run.kind ?? 'upgrade',
      retryOf: run.retryOf ?? null,
      fromVersion: run.fromVersion ?? '11.11.3',
      toVersion: run.toVersion ?? '11.13.0',
      status: run.status ?? 'finished',
      startedAt: '2025-03-04T10:00:00.000Z',
      finishedAt: finished ? '2025-03-04T10:05:30.000Z' : null,
    });
  const runId = Number(lastInsertRowid);
  const insertItem = db.prepare(
    `INSERT INTO preparation_items (run_id, module_name, application, module_version_id, status, duration_ms, errors_json)
     VALUES (@runId, @name, @application, 1, @status, @durationMs, @errors)`,
  );
  const insertExcluded = db.prepare(
    'INSERT INTO preparation_excluded (run_id, module_name, reason) VALUES (@runId, @name, @reason)',
  );
  db.transaction(() => {
    for (const item of run.items ?? []) {
      insertItem.run({ runId, ...item, durationMs: item.durationMs ?? 0, errors: JSON.stringify(item.errors ?? []) });
    }
    for (const excluded of run.excluded ?? []) insertExcluded.run({ runId, ...excluded });
  })();
  return runId;
}

const XSS = 'Unexpected <script>alert("x")</script> & more';

/** A finished run with every status, located and unlocated errors, and exclusions. Inserted out of order on purpose. */
const TYPICAL_RUN: SeedRun = {
  items: [
    {
      name: 'Portal',
      application: 'Web & Mobile',
      status: 'skipped',
      errors: [{ message: "Producer 'Billing' was not prepared." }],
    },
    { name: 'Directory', application: 'Directory', status: 'prepared', durationMs: 812 },
    {
      name: 'Billing',
      application: 'Finance',
      status: 'failed',
      durationMs: 1530,
      errors: [
        { message: "Property 'sendMailLegacy' does not exist.", file: 'src/index.ts', line: 12, column: 5 },
        { message: XSS, file: 'src/mail.ts' },
      ],
    },
    { name: 'Audit', application: 'Platform', status: 'prepared', durationMs: 300 },
    {
      name: 'Crashy',
      application: 'Finance',
      status: 'failed',
      durationMs: 60000,
      errors: [{ message: 'Compiler process crashed.' }],
    },
  ],
  excluded: [
    { name: 'Draft', reason: 'uploaded, never published' },
    { name: 'Broken', reason: 'its last publish failed' },
  ],
};

/** A testcase as fast-xml-parser reads it (attributes without prefix). */
interface JUnitCase {
  name: string;
  classname: string;
  time: string;
  failure?: { message: string; '#text': string };
  skipped?: { message: string };
}

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-test-'));
  db = openDatabase(dir, { create: true });
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('loadReport', () => {
  it('returns exactly the spec JSON shape: failed modules first, then skipped, then prepared, each by name; excluded by name', () => {
    seedEnvironment(db);
    const runId = seedRun(db, TYPICAL_RUN);

    expect(loadReport(db)).toStrictEqual({
      run: {
        id: runId,
        kind: 'upgrade',
        fromVersion: '11.11.3',
        toVersion: '11.13.0',
        status: 'finished',
        startedAt: '2025-03-04T10:00:00.000Z',
        finishedAt: '2025-03-04T10:05:30.000Z',
        counts: { prepared: 2, failed: 2, skipped: 1, excluded: 2 },
      },
      modules: [
        {
          name: 'Billing',
          application: 'Finance',
          status: 'failed',
          durationMs: 1530,
          errors: [
            { message: "Property 'sendMailLegacy' does not exist.", file: 'src/index.ts', line: 12, column: 5 },
            { message: XSS, file: 'src/mail.ts' },
          ],
        },
        {
          name: 'Crashy',
          application: 'Finance',
          status: 'failed',
          durationMs: 60000,
          errors: [{ message: 'Compiler process crashed.' }],
        },
        {
          name: 'Portal',
          application: 'Web & Mobile',
          status: 'skipped',
          durationMs: 0,
          errors: [{ message: "Producer 'Billing' was not prepared." }],
        },
        { name: 'Audit', application: 'Platform', status: 'prepared', durationMs: 300, errors: [] },
        { name: 'Directory', application: 'Directory', status: 'prepared', durationMs: 812, errors: [] },
      ],
      excluded: [
        { name: 'Broken', reason: 'its last publish failed' },
        { name: 'Draft', reason: 'uploaded, never published' },
      ],
    });
  });

  it('reports the latest run by default and an earlier one by id', () => {
    seedEnvironment(db);
    const first = seedRun(db, { items: [{ name: 'A', application: 'X', status: 'failed' }] });
    const retry = seedRun(db, {
      kind: 'prepare',
      retryOf: first,
      items: [{ name: 'A', application: 'X', status: 'prepared' }],
    });

    expect(loadReport(db).run.id).toBe(retry);
    expect(loadReport(db, first).modules[0].status).toBe('failed');
  });

  it('keeps only the spec fields of stored errors and drops null locations', () => {
    seedEnvironment(db);
    const runId = seedRun(db, { items: [{ name: 'A', application: 'X', status: 'failed' }] });
    db.prepare('UPDATE preparation_items SET errors_json = ? WHERE run_id = ?').run(
      JSON.stringify([{ message: 'boom', file: 'src/a.ts', line: null, column: undefined, code: 2304 }]),
      runId,
    );

    expect(loadReport(db).modules[0].errors).toStrictEqual([{ message: 'boom', file: 'src/a.ts' }]);
  });

  it('says no preparation has run when the environment has no run', () => {
    seedEnvironment(db);
    const error = catchError(() => loadReport(db));

    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ code: 'not-found', message: 'No preparation has run in this environment yet.' });
  });

  it('refuses an unknown run id with not-found, naming the latest run', () => {
    seedEnvironment(db);
    const runId = seedRun(db, TYPICAL_RUN);
    const error = catchError(() => loadReport(db, 99));

    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ code: 'not-found' });
    expect((error as Error).message).toContain('99');
    expect((error as Error).message).toContain(`The latest run is ${runId}.`);
    expect(catchError(() => exportReport(db, { runId: 99, format: 'csv' }))).toMatchObject({ code: 'not-found' });
  });
});

describe('exportReport', () => {
  beforeEach(() => {
    seedEnvironment(db);
    seedModule(db, 'Draft', 'Drafts');
  });

  it('names the file after the environment, the run and the format', () => {
    db.prepare(`UPDATE environment SET name = 'Acme Production (EU)'`).run();
    const runId = seedRun(db, TYPICAL_RUN);
    const names = (['json', 'csv', 'html', 'junit'] as const).map((format) => exportReport(db, { format }).fileName);

    expect(names).toEqual([
      `acme-production-eu-preparation-run-${runId}.json`,
      `acme-production-eu-preparation-run-${runId}.csv`,
      `acme-production-eu-preparation-run-${runId}.html`,
      `acme-production-eu-preparation-run-${runId}.xml`,
    ]);
  });

  it('names the file after the run alone when the environment has no name to show', () => {
    db.prepare(`UPDATE environment SET name = '***'`).run();
    const runId = seedRun(db, TYPICAL_RUN);
    expect(exportReport(db, { format: 'csv' }).fileName).toBe(`preparation-run-${runId}.csv`);
  });

  it('exports JSON that is the spec object, pretty-printed', () => {
    seedRun(db, TYPICAL_RUN);
    const exported = exportReport(db, { format: 'json' });

    expect(exported.mimeType).toBe('application/json');
    expect(exported.content).toBe(`${JSON.stringify(loadReport(db), null, 2)}\n`);
  });

  it('exports well-formed JSON for a run without modules or exclusions', () => {
    seedRun(db, {});
    const report = JSON.parse(exportReport(db, { format: 'json' }).content);

    expect(report.modules).toEqual([]);
    expect(report.excluded).toEqual([]);
    expect(report.run.counts).toEqual({ prepared: 0, failed: 0, skipped: 0, excluded: 0 });
  });

  it('exports CSV with one row per module, excluded ones included, errors located and joined', () => {
    seedRun(db, TYPICAL_RUN);
    const rows = parse(exportReport(db, { format: 'csv' }).content, { columns: true }) as Record<string, string>[];

    expect(rows).toEqual([
      {
        name: 'Billing',
        application: 'Finance',
        status: 'failed',
        duration_ms: '1530',
        errors: `src/index.ts:12:5 Property 'sendMailLegacy' does not exist. | src/mail.ts ${XSS}`,
        reused_from_check: '',
        reused_from_shared_cache: '',
      },
      {
        name: 'Crashy',
        application: 'Finance',
        status: 'failed',
        duration_ms: '60000',
        errors: 'Compiler process crashed.',
        reused_from_check: '',
        reused_from_shared_cache: '',
      },
      {
        name: 'Portal',
        application: 'Web & Mobile',
        status: 'skipped',
        duration_ms: '0',
        errors: "Producer 'Billing' was not prepared.",
        reused_from_check: '',
        reused_from_shared_cache: '',
      },
      {
        name: 'Audit',
        application: 'Platform',
        status: 'prepared',
        duration_ms: '300',
        errors: '',
        reused_from_check: '',
        reused_from_shared_cache: '',
      },
      {
        name: 'Directory',
        application: 'Directory',
        status: 'prepared',
        duration_ms: '812',
        errors: '',
        reused_from_check: '',
        reused_from_shared_cache: '',
      },
      {
        name: 'Broken',
        application: '',
        status: 'excluded',
        duration_ms: '',
        errors: 'its last publish failed',
        reused_from_check: '',
        reused_from_shared_cache: '',
      },
      {
        name: 'Draft',
        application: 'Drafts',
        status: 'excluded',
        duration_ms: '',
        errors: 'uploaded, never published',
        reused_from_check: '',
        reused_from_shared_cache: '',
      },
    ]);
  });

  it('keeps spreadsheet formulas in CSV fields from running', () => {
    seedRun(db, { items: [{ name: 'A', application: '=HYPERLINK("http://evil")', status: 'prepared' }] });
    const rows = parse(exportReport(db, { format: 'csv' }).content, { columns: true }) as Record<string, string>[];

    expect(rows[0].application).toBe(`'=HYPERLINK("http://evil")`);
  });

  it('exports well-formed JUnit XML with a failure per failed module and skipped for skipped and unfinished ones', () => {
    const runId = seedRun(db, {
      ...TYPICAL_RUN,
      status: 'interrupted',
      items: [
        ...TYPICAL_RUN.items!,
        { name: 'Later', application: 'Platform', status: 'pending' },
        { name: 'Now', application: 'Platform', status: 'compiling' },
        // An ANSI colour code from a compiler: not allowed in XML 1.0, even escaped.
        {
          name: 'Colour',
          application: 'Platform',
          status: 'failed',
          errors: [{ message: '\u001b[31merror\u001b[0m' }],
        },
      ],
    });
    const content = exportReport(db, { format: 'junit' }).content;

    expect(XMLValidator.validate(content)).toBe(true);
    const xml = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => name === 'testcase',
    }).parse(content);
    const suite = xml.testsuites.testsuite;
    expect(suite.name).toBe(`Modules preparation run ${runId} (11.11.3 → 11.13.0)`);
    expect(suite).toMatchObject({
      tests: '8',
      failures: '3',
      skipped: '3',
      time: '62.642',
      timestamp: '2025-03-04T10:00:00.000Z',
    });
    const cases = suite.testcase as JUnitCase[];
    // Failed first, then skipped, then unfinished, prepared last.
    expect(cases.map((c) => c.name)).toEqual([
      'Billing',
      'Colour',
      'Crashy',
      'Portal',
      'Now',
      'Later',
      'Audit',
      'Directory',
    ]);
    expect(cases.filter((c) => c.failure)).toHaveLength(3);
    expect(cases.filter((c) => c.skipped)).toHaveLength(3);

    const billing = cases.find((c) => c.name === 'Billing')!;
    expect(billing).toMatchObject({ classname: 'Finance', time: '1.530' });
    expect(billing.failure?.message).toBe("src/index.ts:12:5 Property 'sendMailLegacy' does not exist. (and 1 more)");
    expect(billing.failure?.['#text']).toContain(`src/mail.ts ${XSS}`);
    expect(cases.find((c) => c.name === 'Portal')!.skipped?.message).toBe("Producer 'Billing' was not prepared.");
    expect(cases.find((c) => c.name === 'Later')!.skipped?.message).toBe('not finished');
    expect(cases.find((c) => c.name === 'Now')!.skipped?.message).toBe('not finished');
    expect(suite['system-out']).toContain('Draft: uploaded, never published');
  });

  it('exports a printable HTML page with the summary, escaping every value', () => {
    seedRun(db, TYPICAL_RUN);
    const { content, mimeType } = exportReport(db, { format: 'html' });

    expect(mimeType).toBe('text/html; charset=utf-8');
    expect(content).toMatch(/^<!DOCTYPE html>/);
    expect(content).toContain('Acme Production');
    expect(content).toContain('11.11.3 → 11.13.0');
    expect(content).toContain('<dt>Failed</dt><dd>2</dd>');
    expect(content).toContain('<dt>Excluded</dt><dd>2</dd>');
    expect(content).toContain('@media print');
    expect(content).toContain('<td>Web &amp; Mobile</td>');
    expect(content).toContain('<span class="location">src/index.ts:12:5</span>');
    expect(content).toContain('uploaded, never published');
    // The error's markup is shown, never run, and the page loads nothing.
    expect(content).toContain('Unexpected &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(content).not.toMatch(/<script|<link|\ssrc=|\shref=|url\(/i);
  });

  it('refuses an unknown format as bad usage', () => {
    seedRun(db, TYPICAL_RUN);

    expect(catchError(() => exportReport(db, { format: 'pdf' as never }))).toMatchObject({ code: 'bad-usage' });
  });
});

/** A stream that accepts one small chunk at a time and finishes it later, like a slow socket; `onWrite` failing fails the stream. */
function slowSink(onWrite: () => void): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      setImmediate(() => {
        try {
          onWrite();
          callback();
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('writeReport', () => {
  beforeEach(() => seedEnvironment(db));

  it.each(['json', 'csv', 'html', 'junit'] as const)(
    'streams a big %s report page by page, leaving the connection free while the stream catches up',
    async (format) => {
      const items = Array.from({ length: 2500 }, (_, i) => ({
        name: `Module${String(i).padStart(5, '0')}`,
        application: `App${i % 7}`,
        status: (i % 10 === 0 ? 'failed' : 'prepared') as ModulePreparationStatus,
        durationMs: i,
        errors: i % 10 === 0 ? [{ message: `error in ${i}`, file: 'src/index.ts', line: i, column: 1 }] : [],
      }));
      seedRun(db, { items, excluded: [{ name: 'Draft', reason: 'uploaded, never published' }] });
      // The engine keeps writing while a report streams: a statement left open across the wait
      // would make this write fail with "This database connection is busy executing a query".
      const sink = slowSink(() =>
        db.prepare(`INSERT INTO run_log (at, level, text) VALUES ('2025-03-04T10:00:00Z', 'info', 'tick')`).run(),
      );

      await writeReport(db, { format }, sink.stream);
      // writeReport leaves the stream open (it may be stdout); ending it flushes what is still buffered.
      await new Promise<void>((resolve) => sink.stream.end(resolve));

      expect(sink.text()).toBe(exportReport(db, { format }).content);
    },
  );

  it('rejects with not-found before writing anything when there is no run', async () => {
    const sink = slowSink(() => undefined);

    await expect(writeReport(db, { format: 'json' }, sink.stream)).rejects.toMatchObject({ code: 'not-found' });
    expect(sink.text()).toBe('');
  });

  it('rejects when the stream fails midway instead of crashing the process', async () => {
    seedRun(db, {
      items: Array.from({ length: 3000 }, (_, i) => ({ name: `M${i}`, application: 'A', status: 'prepared' as const })),
    });
    let writes = 0;
    const stream = new Writable({
      highWaterMark: 1024,
      write(_chunk, _encoding, callback) {
        setImmediate(() => callback(++writes === 2 ? new Error('disk full') : null));
      },
    });

    await expect(writeReport(db, { format: 'csv' }, stream)).rejects.toThrow('disk full');
  });
});
