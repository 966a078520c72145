/**
 * `npm run bench:ui`: what watching a preparation costs. Generates a factory (default
 * 10,000 modules; --modules N), imports it, then, three times in turn (--pairs N), each on
 * a fresh copy of that environment: runs `config-tool upgrade` (the command line), and the
 * same upgrade from the browser host with Debian's Chromium showing the Environment Setup
 * window (Apply/Exit) and the console's Modules page. Prints each time, the ratio of their
 * medians, the CPU of each process (renderers, browser host, service, compilers), the long
 * tasks of both pages during each run, the console's first rows, and `config-tool status`.
 * A benchmark, never a test.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { Command } from 'commander';
import { findPackageRoot } from '../main/engine/platform/platform-versions';
import { generateFactory } from './factory-generator';
import { CpuWatch } from './proc-stat';
import { describeLongTraceTasks, startProfile, summarizeProfile, summarizeTrace, type TraceFile } from './cpu-profile';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];
/** Long tasks the brief allows none of during a run. */
const LONG_TASK_GOAL_MS = 50;
const RUN_TIMEOUT_MS = 60 * 60_000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const root = findPackageRoot();
const bin = path.join(root, 'bin', 'config-tool.cjs');

interface Options {
  modules: string;
  dir: string;
  environment?: string;
  statusRuns: string;
  skipCli?: boolean;
  pairs: string;
  profile?: string;
  trace?: string;
}

/** Runs the CLI to its end; resolves with its exit code and wall time. */
function runCli(
  args: string[],
  watch?: (pid: number) => CpuWatch,
): Promise<{ code: number; ms: number; cpu?: CpuWatch }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const cpu = watch?.(child.pid!);
    cpu?.start();
    child.on('error', reject);
    child.on('exit', (code) => {
      cpu?.stop();
      const ms = performance.now() - started;
      if (code !== 0 && code !== 3) reject(new Error(`config-tool ${args.join(' ')} exited ${code}:\n${stderr}`));
      else resolve({ code: code ?? 1, ms, cpu });
    });
  });
}

/** Starts `config-tool serve` on the environment; resolves with its address once it printed it. */
function startServe(environmentDir: string): Promise<{ child: ChildProcess; url: string; stderr: ServeStderr }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'serve', '--env', environmentDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Read, always: an unread pipe fills at 64 KB and then blocks serve's (synchronous) writes, so
    // it stops answering or never exits. Kept: the last lines, to show when something went wrong.
    const stderr: ServeStderr = { bytes: 0, tail: '' };
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr.bytes += chunk.length;
      stderr.tail = (stderr.tail + chunk.toString()).slice(-2000);
    });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = out.match(/http:\/\/\S+/)?.[0];
      if (url) resolve({ child, url, stderr });
    });
    child.on('exit', (code) => reject(new Error(`config-tool serve exited ${code} before it printed its address`)));
  });
}

/** What `serve` wrote to its stderr. */
interface ServeStderr {
  bytes: number;
  tail: string;
}

/** How long `serve` may take to stop after SIGTERM before the bench kills it and says so. */
const SERVE_STOP_MS = 30_000;

/**
 * Stops `serve` and waits for it, at most SERVE_STOP_MS. Waiting on an 'exit' that already
 * happened (or never comes) would leave Node with nothing to do: it would end without a word
 * and without the lines still to print, which is how a run once lost its `status` line.
 */
async function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    console.log(`(serve had already exited: ${child.exitCode ?? child.signalCode})`);
    return;
  }
  const exited = new Promise<boolean>((resolve) => child.once('exit', () => resolve(true)));
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), SERVE_STOP_MS)));
  if (!(await Promise.race([exited, timedOut]))) {
    console.log(`(serve did not stop within ${SERVE_STOP_MS / 1000} s of SIGTERM: killed)`);
    child.kill('SIGKILL');
    await exited;
  }
  clearTimeout(timer);
}

/** Collects the page's long tasks (Chromium's Long Tasks API) from its first script on. */
const LONG_TASK_OBSERVER = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      window.__longTasks.push({ at: performance.timeOrigin + entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

/** Marks when the first module row is on screen: the frame after it entered the page. */
const FIRST_ROW_OBSERVER = `
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-testid="module-row"]')) return;
    observer.disconnect();
    requestAnimationFrame(() => (window.__firstRowOnScreen = performance.now()));
  }).observe(document, { subtree: true, childList: true });
`;

/** How many times the console's first rows are timed, each on a fresh page. */
const FIRST_ROWS_LOADS = 5;
/**
 * A new tab in headless Chromium spends about a second of CPU on the browser's own pages
 * (its omnibox popup) right after it opens; an Electron window has none of them. Each
 * load waits this long after opening its tab, so that it measures the console alone.
 */
const NEW_TAB_SETTLE_MS = 1500;

interface FirstRows {
  /** From Playwright's goto to its seeing the first row (includes Playwright's own round trips). */
  observedMs: number;
  /** From the page's navigation start to the frame that shows the first row, read in the page. */
  inPageMs: number;
  countText: string;
}

/** Opens the console's Modules list on a fresh, settled tab and times its first rows. */
async function timeFirstRows(context: BrowserContext, url: string): Promise<FirstRows> {
  const page = await context.newPage();
  try {
    await page.waitForTimeout(NEW_TAB_SETTLE_MS);
    const started = performance.now();
    await page.goto(`${url}#/console/modules`);
    await page.getByTestId('module-row').first().waitFor({ timeout: 120_000 });
    const observedMs = performance.now() - started;
    await page.waitForFunction('window.__firstRowOnScreen !== undefined');
    const inPageMs = (await page.evaluate('window.__firstRowOnScreen')) as number;
    const countText = (await page.getByTestId('modules-count').textContent()) ?? '';
    return { observedMs, inPageMs, countText };
  } finally {
    await page.close();
  }
}

interface LongTask {
  at: number;
  duration: number;
}

async function longTasks(page: Page, from: number, to: number): Promise<LongTask[]> {
  const all = (await page.evaluate('window.__longTasks')) as LongTask[];
  return all.filter((task) => task.at >= from && task.at <= to);
}

/** Reads a page's main-thread busy time (Chromium's Performance.getMetrics TaskDuration, since `mainThread` was called), in ms. */
async function mainThread(page: Page): Promise<() => Promise<number>> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const read = async () => {
    const { metrics } = await session.send('Performance.getMetrics');
    return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000;
  };
  const start = await read();
  return async () => (await read()) - start;
}

/** Starts tracing every page (the trace is the browser's); the returned function stops, writes `file` and summarises. */
async function startTrace(browser: Browser, page: Page, file: string): Promise<() => Promise<string>> {
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8'],
  });
  return async () => {
    const buffer = await browser.stopTracing();
    fs.writeFileSync(file, buffer);
    const trace = JSON.parse(buffer.toString()) as TraceFile;
    return [
      `Trace of the run: ${file}`,
      summarizeTrace(trace),
      `Renderer tasks over ${LONG_TASK_GOAL_MS} ms in the trace:`,
      describeLongTraceTasks(trace, LONG_TASK_GOAL_MS),
    ].join('\n');
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

function describeLongTasks(tasks: LongTask[]): string {
  if (tasks.length === 0) return 'none';
  const longest = Math.max(...tasks.map((task) => task.duration));
  const over = tasks.filter((task) => task.duration > LONG_TASK_GOAL_MS).length;
  return `${tasks.length} (longest ${longest.toFixed(0)} ms, ${over} over ${LONG_TASK_GOAL_MS} ms)`;
}

async function main(): Promise<void> {
  const options = new Command('bench:ui')
    .option('--modules <n>', 'modules in the generated factory', '10000')
    .option('--dir <dir>', 'work folder', path.join(os.tmpdir(), 'config-tool-bench-ui'))
    .option('--environment <dir>', 'an imported, not yet upgraded environment to use instead of generating one')
    .option('--status-runs <n>', 'how many times to time config-tool status', '5')
    .option('--pairs <n>', 'how many CLI and watched upgrades, alternating (the ratio is of their medians)', '3')
    .option('--skip-cli', 'skip the command-line upgrade (no ratio): for quick loops on the windows')
    .option(
      '--trace <file>',
      'write a Chromium performance trace of the run there, its summary and what ran in each long task',
    )
    .option('--profile <dir>', "write each page's CPU profile of the run (Chromium's .cpuprofile) and a summary there")
    .parse()
    .opts<Options>();
  if (!fs.existsSync(CHROMIUM)) throw new Error(`bench:ui drives Debian's Chromium at ${CHROMIUM}, which is missing.`);
  const work = path.resolve(options.dir);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const imported = path.join(work, 'imported');
  const moduleCount = Number(options.modules);
  console.log(`bench:ui: ${os.availableParallelism()} cores, Node ${process.version}, ${CHROMIUM}`);

  const started = performance.now();
  if (options.environment) {
    fs.cpSync(path.resolve(options.environment), imported, { recursive: true });
    console.log(`environment              copied from ${options.environment}`);
  } else {
    generateFactory(path.join(work, 'factory'), { moduleCount, seed: 9 });
    await runCli(['import', path.join(work, 'factory'), '--env', imported]);
    console.log(`generate + import        ${seconds(performance.now() - started)}  (${moduleCount} modules)`);
  }
  // The first upgrade after a build is slower (a cold CLI run took 16 s against 4.3 s warm at
  // 1,000 modules): a small one first, so that every measured run is warm.
  const warmUp = path.join(work, 'warm-up');
  generateFactory(path.join(warmUp, 'factory'), { moduleCount: 40, seed: 3 });
  await runCli(['import', path.join(warmUp, 'factory'), '--env', path.join(warmUp, 'env')]);
  const warmed = await runCli(['upgrade', '--env', path.join(warmUp, 'env')]);
  console.log(`warm-up upgrade          ${seconds(warmed.ms)}  (40 modules; the measured runs are warm)`);

  // The machine's speed drifts by ±15 % over minutes: the two upgrades alternate, each on a
  // fresh copy of the environment, and the ratio is of their medians.
  const cliMs: number[] = [];
  const watchedMs: number[] = [];
  let uiEnv = '';
  for (let pair = 1; pair <= Number(options.pairs); pair++) {
    console.log(`## pair ${pair} of ${options.pairs}`);
    const cli = options.skipCli ? null : await cliUpgrade(freshCopy(imported, path.join(work, 'cli')));
    if (cli) cliMs.push(cli.ms);
    uiEnv = freshCopy(imported, path.join(work, 'ui'));
    watchedMs.push(await watchedUpgrade(uiEnv, cli, options, pair === 1));
  }
  if (cliMs.length > 0) {
    const pairs = watchedMs.map((ms, i) => (ms / cliMs[i]!).toFixed(2)).join(', ');
    console.log(
      `UI-watched / CLI         ${(median(watchedMs) / median(cliMs)).toFixed(2)}  (median ${seconds(median(watchedMs))} / median ${seconds(median(cliMs))}; each pair ${pairs}; goal ≤ 1.10)`,
    );
  }

  // 3. `status` on the environment just prepared.
  const statusMs: number[] = [];
  for (let i = 0; i < Number(options.statusRuns); i++) {
    const t = performance.now();
    const result = spawnSync(process.execPath, [bin, 'status', '--env', uiEnv], { stdio: 'ignore' });
    statusMs.push(performance.now() - t);
    if (result.status !== 0) throw new Error(`config-tool status exited ${result.status}`);
  }
  console.log(
    `config-tool status       median ${median(statusMs).toFixed(0)} ms, fastest ${Math.min(...statusMs).toFixed(0)} ms of ${statusMs.length}  (goal < 200 ms)`,
  );
  console.log(`(work folder: ${work})`);
}

interface CliUpgrade {
  ms: number;
  compilersMs: number;
  /** The CLI process's own CPU (its last sample, up to 250 ms before it exited). */
  ownMs: number;
}

/** A copy of the imported environment at `to`, replacing the one an earlier pair left there. */
function freshCopy(imported: string, to: string): string {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(imported, to, { recursive: true });
  return to;
}

/** 1. The command line: the reference time. */
async function cliUpgrade(environmentDir: string): Promise<CliUpgrade> {
  const cli = await runCli(['upgrade', '--env', environmentDir], (pid) => new CpuWatch(pid));
  const compilersMs = compilerCpu(cli.cpu!, 'compiler-worker');
  const ownMs = cli.cpu?.used().find((entry) => entry.sample.command.includes(bin))?.cpuMs ?? 0;
  console.log(
    `CLI upgrade              ${seconds(cli.ms)}  (exit ${cli.code}; compilers ${seconds(compilersMs)} CPU, the CLI process itself about ${seconds(ownMs)})`,
  );
  return { ms: cli.ms, compilersMs, ownMs };
}

/**
 * 2. The same upgrade, watched: the Setup window and the console's Modules page in Chromium
 * through the browser host. Prints what each process used; resolves with the run's time.
 */
async function watchedUpgrade(
  uiEnv: string,
  cli: CliUpgrade | null,
  options: Options,
  measureFirstRows: boolean,
): Promise<number> {
  const serve = await startServe(uiEnv);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    // A window each, as in Electron: pages in one context are tabs of one window, and Chromium
    // lowers the priority of the tab behind (its renderer at nice 5), which a visible window is not.
    const openWindow = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
      await context.addInitScript(LONG_TASK_OBSERVER);
      await context.addInitScript(FIRST_ROW_OBSERVER);
      return context;
    };
    const consoleWindow = await openWindow();
    const setupWindow = await openWindow();
    const firstRows: FirstRows[] = [];
    if (measureFirstRows)
      for (let load = 0; load < FIRST_ROWS_LOADS; load++) firstRows.push(await timeFirstRows(consoleWindow, serve.url));
    const modulesPage = await consoleWindow.newPage();
    await modulesPage.goto(`${serve.url}#/console/modules`);
    await modulesPage.getByTestId('module-row').first().waitFor({ timeout: 120_000 });

    const setup = await setupWindow.newPage();
    await setup.goto(`${serve.url}#/config-tool`);
    await setup.getByTestId('config-apply-exit').click();
    await setup.getByTestId('upgrade-ok').waitFor();

    const watch = new CpuWatch(process.pid);
    const mainUsed = { setup: await mainThread(setup), console: await mainThread(modulesPage) };
    const profilers = options.profile
      ? { setup: await startProfile(setup), console: await startProfile(modulesPage) }
      : null;
    watch.start();
    const runFrom = Date.now();
    const stopTrace = options.trace ? await startTrace(browser, setup, path.resolve(options.trace)) : null;
    const t0 = performance.now();
    await setup.getByTestId('upgrade-ok').click();
    // Told by the page the moment the headline says so: polling would add up to its interval to
    // the watched time (500 ms: 18 % of a 1,000-module run), and polling often would cost the renderer.
    await setup.evaluate(
      (timeoutMs) =>
        new Promise<void>((resolve, reject) => {
          // The Setup window replaces the page the button was on: watch the document, not one element.
          const finished = () =>
            /Finished|ready/.test(document.querySelector('[data-testid="setup-headline"]')?.textContent ?? '');
          if (finished()) return resolve();
          const observer = new MutationObserver(() => finished() && (observer.disconnect(), resolve()));
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          setTimeout(() => reject(new Error('The watched run did not finish in time')), timeoutMs);
        }),
      RUN_TIMEOUT_MS,
    );
    const uiMs = performance.now() - t0;
    const runTo = Date.now();
    if (stopTrace) console.log(await stopTrace());
    watch.stop();
    const mainMs = { setup: await mainUsed.setup(), console: await mainUsed.console() };
    if (profilers && options.profile) {
      const dir = path.resolve(options.profile);
      fs.mkdirSync(dir, { recursive: true });
      for (const [name, stop] of Object.entries(profilers)) {
        const profile = await stop();
        const file = path.join(dir, `${name}.cpuprofile`);
        fs.writeFileSync(file, JSON.stringify(profile));
        console.log(`CPU profile of the ${name} page: ${file}`);
        console.log(summarizeProfile(profile, LONG_TASK_GOAL_MS));
      }
    }
    const counts = await setup.getByTestId('run-counts').innerText();
    const tasks = {
      setup: await longTasks(setup, runFrom, runTo),
      console: await longTasks(modulesPage, runFrom, runTo),
    };

    const used = watch.used();
    const renderers = used.filter((entry) => entry.sample.command.includes('--type=renderer'));
    const rendererMs = renderers.reduce((sum, entry) => sum + entry.cpuMs, 0);
    const otherChromiumMs = used
      .filter((entry) => /chrom/.test(entry.sample.command) && !entry.sample.command.includes('--type=renderer'))
      .reduce((sum, entry) => sum + entry.cpuMs, 0);
    const host = used.find((entry) => entry.sample.pid === serve.child.pid);
    const service = used.find((entry) => entry.sample.command.includes('service.cjs'));
    const compilersMs = compilerCpu(watch, 'compiler-worker');

    console.log(
      `UI-watched upgrade       ${seconds(uiMs)}  (${cli ? `${(uiMs / cli.ms).toFixed(2)} × this pair's CLI` : 'CLI skipped'}; goal ≤ 1.10)`,
    );
    console.log(`  final counts           ${counts.replace(/\s+/g, ' ')}`);
    console.log(`CPU during the UI run (from /proc):`);
    for (const entry of renderers)
      console.log(`  renderer pid ${String(entry.sample.pid).padEnd(8)} ${seconds(entry.cpuMs)}`);
    console.log(
      `  renderers together     ${seconds(rendererMs)}  (${((rendererMs / Math.max(1, compilersMs)) * 100).toFixed(1)} % of the compilers'; goal ≤ 10 %)`,
    );
    console.log(`  main threads (CDP)     Setup ${seconds(mainMs.setup)}, Modules ${seconds(mainMs.console)}`);
    console.log(`  other Chromium         ${seconds(otherChromiumMs)}  (browser, GPU, network processes)`);
    console.log(`  browser host           ${seconds(host?.cpuMs ?? 0)}`);
    console.log(
      `  service process        ${seconds(service?.cpuMs ?? 0)}  (the CLI process did the same work in about ${cli ? seconds(cli.ownMs) : '—'})`,
    );
    console.log(`  compiler processes     ${seconds(compilersMs)}  (CLI run: ${cli ? seconds(cli.compilersMs) : '—'})`);
    console.log(
      `Long tasks during the run: Setup window ${describeLongTasks(tasks.setup)}; Modules page ${describeLongTasks(tasks.console)}`,
    );
    for (const [page, list] of Object.entries(tasks))
      for (const task of list.filter((entry) => entry.duration > LONG_TASK_GOAL_MS))
        console.log(`  ${page}: ${task.duration.toFixed(0)} ms at +${seconds(task.at - runFrom)}`);
    if (firstRows.length > 0) printFirstRows(firstRows);
    return uiMs;
  } finally {
    await browser.close();
    await stopServe(serve.child);
    console.log(
      `(serve wrote ${serve.stderr.bytes} bytes to stderr${serve.stderr.bytes ? `; the last: ${JSON.stringify(serve.stderr.tail.slice(-300))}` : ''})`,
    );
  }
}

/** The console's first rows, timed on new tabs before the run. */
function printFirstRows(firstRows: FirstRows[]): void {
  const observed = firstRows.map((load) => load.observedMs);
  console.log(
    `Console first rows       median ${median(observed).toFixed(0)} ms, slowest ${Math.max(...observed).toFixed(0)} ms of ${observed.length} loads  (goal < 500 ms)`,
  );
  console.log(
    `  each load              ${firstRows.map((load) => `${load.observedMs.toFixed(0)} (in page ${load.inPageMs.toFixed(0)})`).join(', ')} ms; ${firstRows[0].countText}`,
  );
  console.log(
    `  (Playwright's goto to its seeing the first row, on a new tab left ${NEW_TAB_SETTLE_MS / 1000} s to settle; in page: navigation start to the frame showing it)`,
  );
}

/**
 * Compiler processes' CPU: each compiler worker with its TypeScript native server (and
 * any server it replaced), those still running plus the exited ones their parent waited for.
 */
function compilerCpu(watch: CpuWatch, marker: string): number {
  const used = watch.used();
  const byPid = new Map(used.map((entry) => [entry.sample.pid, entry]));
  const workers = used.filter((entry) => entry.sample.command.includes(marker));
  const workerPids = new Set(workers.map((entry) => entry.sample.pid));
  const isCompiler = (entry: (typeof used)[number]): boolean => {
    for (let current: typeof entry | undefined = entry; current; current = byPid.get(current.sample.ppid))
      if (workerPids.has(current.sample.pid)) return true;
    return false;
  };
  const compilers = used.filter(isCompiler);
  const alive = compilers.filter((entry) => entry.alive);
  const aliveMs =
    alive.reduce((sum, entry) => sum + entry.cpuMs, 0) +
    alive.filter((entry) => workerPids.has(entry.sample.pid)).reduce((sum, e) => sum + e.exitedChildrenCpuMs, 0);
  const parents = new Set(workers.map((entry) => entry.sample.ppid));
  const exitedMs = used
    .filter((entry) => parents.has(entry.sample.pid) && entry.alive)
    .reduce((sum, entry) => sum + entry.exitedChildrenCpuMs, 0);
  // A parent that exited itself (the CLI) took its children's figures with it: then the last samples are all there is.
  const lastSeenMs = compilers.reduce((sum, entry) => sum + entry.cpuMs, 0);
  return Math.max(aliveMs + exitedMs, lastSeenMs);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
