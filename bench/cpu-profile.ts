/**
 * A page's CPU profile through Chromium's DevTools protocol, for `npm run bench:ui
 * --profile DIR`: where the main thread's long stretches of work go, by function.
 */
import type { Page } from '@playwright/test';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

/** Chromium's `.cpuprofile` (Profiler.Profile): times in microseconds. */
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Starts sampling the page's main thread every `intervalUs`; the returned function stops and returns the profile. */
export async function startProfile(page: Page, intervalUs = 500): Promise<() => Promise<CpuProfile>> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await session.send('Profiler.start');
  return async () => {
    const { profile } = await session.send('Profiler.stop');
    return profile as unknown as CpuProfile;
  };
}

function frameName(frame: CallFrame): string {
  const file = frame.url ? frame.url.slice(frame.url.lastIndexOf('/') + 1) : '';
  return `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : ''}`;
}

function top(map: Map<string, number>, count: number): string[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => `    ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`);
}

/**
 * Finds the stretches of work longer than `longMs` (contiguous samples that are not idle:
 * what the Long Tasks API reports) and says where their time went: by function, the
 * time spent in it and below it (inclusive) and in it alone (self).
 */
export function summarizeProfile(profile: CpuProfile, longMs: number): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const isIdle = (id: number) => byId.get(id)?.callFrame.functionName === '(idle)';

  // Sample i covers [time_i, time_{i+1}).
  const times: number[] = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((t += delta));
  const stretches: { from: number; to: number }[] = [];
  let start = -1;
  for (let i = 0; i <= profile.samples.length; i++) {
    const busy = i < profile.samples.length && !isIdle(profile.samples[i]);
    if (busy && start < 0) start = i;
    if (!busy && start >= 0) {
      const ms = ((times[i] ?? profile.endTime) - times[start]) / 1000;
      if (ms > longMs) stretches.push({ from: start, to: i });
      start = -1;
    }
  }

  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  let busyUs = 0;
  let totalBusyUs = 0;
  for (let i = 0; i < profile.samples.length; i++)
    if (!isIdle(profile.samples[i])) totalBusyUs += (times[i + 1] ?? profile.endTime) - times[i];
  for (const { from, to } of stretches)
    for (let i = from; i < to; i++) {
      const us = (times[i + 1] ?? profile.endTime) - times[i];
      busyUs += us;
      const leaf = byId.get(profile.samples[i])!;
      self.set(frameName(leaf.callFrame), (self.get(frameName(leaf.callFrame)) ?? 0) + us);
      const seen = new Set<string>();
      for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
        const name = frameName(byId.get(id)!.callFrame);
        if (seen.has(name)) continue;
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + us);
      }
    }
  const lengths = stretches
    .map(({ from, to }) => ((times[to] ?? profile.endTime) - times[from]) / 1000)
    .sort((a, b) => b - a);
  return [
    `  busy ${(totalBusyUs / 1e6).toFixed(2)} s in all; ${stretches.length} stretches over ${longMs} ms ` +
      `(${(busyUs / 1e6).toFixed(2)} s; longest ${lengths
        .slice(0, 5)
        .map((ms) => ms.toFixed(0))
        .join(', ')} ms)`,
    '  in them, inclusive:',
    ...top(inclusive, 30),
    '  in them, self:',
    ...top(self, 15),
  ].join('\n');
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string; type?: string; functionName?: string } };
}

/** A Chromium trace as Playwright's `browser.stopTracing()` returns it. */
export interface TraceFile {
  traceEvents: TraceEvent[];
}

/** The work of the renderers' main threads whose time the Long Tasks API counts, by kind. */
const TRACE_KINDS = [
  'RunTask',
  'FunctionCall',
  'EventDispatch',
  'TimerFire',
  'FireAnimationFrame',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'HitTest',
  'ParseHTML',
  'MajorGC',
  'MinorGC',
  'V8.GC_MC_BACKGROUND_MARKING',
];

/** A trace event's thread, as "pid:tid". */
const threadOf = (event: TraceEvent): string => `${event.pid}:${event.tid}`;

/** The renderers' main threads in the trace ("pid:tid"): where the Long Tasks API's tasks run. */
function rendererMainThreads(trace: TraceFile): Set<string> {
  const threads = new Set<string>();
  for (const event of trace.traceEvents)
    if (event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      threads.add(threadOf(event));
  return threads;
}

/** Per renderer main thread: wall and CPU time (ms) of each kind of work in the trace. */
export function summarizeTrace(trace: TraceFile): string {
  const mainThreads = rendererMainThreads(trace);
  const totals = new Map<string, Map<string, { wall: number; cpu: number; count: number; over50: number }>>();
  for (const event of trace.traceEvents) {
    if (event.ph !== 'X' || !TRACE_KINDS.includes(event.name)) continue;
    const thread = threadOf(event);
    if (!mainThreads.has(thread)) continue;
    const byKind = totals.get(thread) ?? new Map();
    totals.set(thread, byKind);
    const entry = byKind.get(event.name) ?? { wall: 0, cpu: 0, count: 0, over50: 0 };
    entry.wall += (event.dur ?? 0) / 1000;
    entry.cpu += (event.tdur ?? 0) / 1000;
    entry.count += 1;
    if ((event.dur ?? 0) > 50_000) entry.over50 += 1;
    byKind.set(event.name, entry);
  }
  const lines: string[] = [];
  for (const [thread, byKind] of totals) {
    lines.push(`  renderer main thread ${thread}:`);
    for (const [kind, { wall, cpu, count, over50 }] of [...byKind].sort((a, b) => b[1].wall - a[1].wall))
      lines.push(
        `    ${kind.padEnd(28)} ${String(count).padStart(6)}×  wall ${wall.toFixed(0).padStart(6)} ms  cpu ${cpu.toFixed(0).padStart(6)} ms${over50 ? `  (${over50} over 50 ms)` : ''}`,
      );
  }
  return lines.join('\n');
}

/** What a trace event was about, where the trace says: an event's type, a function's name, a script. */
function eventLabel(event: TraceEvent): string {
  const data = event.args?.data;
  const detail = data?.type ?? data?.functionName ?? (data?.url ? data.url.slice(data.url.lastIndexOf('/') + 1) : '');
  return detail ? `${event.name} (${detail})` : event.name;
}

/**
 * Each renderer main-thread task longer than `longMs` (what the Long Tasks API reports): when,
 * its wall time against its thread CPU time (wall far above CPU: the thread waited for a core),
 * and the work inside it over 2 ms, nested as the trace nests it.
 */
export function describeLongTraceTasks(trace: TraceFile, longMs: number): string {
  const mainThreads = rendererMainThreads(trace);
  const onMain = trace.traceEvents.filter(
    (event) => event.ph === 'X' && event.dur !== undefined && mainThreads.has(threadOf(event)),
  );
  let origin = Infinity;
  for (const event of trace.traceEvents) if (event.ts > 0 && event.ts < origin) origin = event.ts;
  const lines: string[] = [];
  const tasks = onMain.filter((event) => event.name === 'RunTask');
  for (const thread of mainThreads) {
    const longest = tasks
      .filter((task) => threadOf(task) === thread)
      .map((task) => task.dur! / 1000)
      .sort((a, b) => b - a);
    if (longest.length > 0)
      lines.push(
        `  pid ${thread.split(':')[0]}: ${longest.length} tasks, the longest ${longest
          .slice(0, 5)
          .map((ms) => ms.toFixed(0))
          .join(', ')} ms`,
      );
  }
  const longTasks = tasks.filter((event) => event.dur! > longMs * 1000);
  if (longTasks.length === 0) lines.push(`  no renderer task over ${longMs} ms`);
  for (const task of longTasks) {
    lines.push(
      `  pid ${task.pid} at +${((task.ts - origin) / 1e6).toFixed(2)} s: wall ${(task.dur! / 1000).toFixed(0)} ms, cpu ${((task.tdur ?? 0) / 1000).toFixed(0)} ms`,
    );
    const inside = onMain
      .filter(
        (event) =>
          event !== task &&
          threadOf(event) === threadOf(task) &&
          event.ts >= task.ts &&
          event.ts + event.dur! <= task.ts + task.dur! &&
          event.dur! > 2000,
      )
      .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const open: TraceEvent[] = [];
    for (const event of inside) {
      while (open.length > 0 && open[open.length - 1].ts + open[open.length - 1].dur! <= event.ts) open.pop();
      lines.push(
        `    ${'  '.repeat(open.length)}${eventLabel(event)}: wall ${(event.dur! / 1000).toFixed(1)} ms, cpu ${((event.tdur ?? 0) / 1000).toFixed(1)} ms`,
      );
      open.push(event);
    }
  }
  return lines.join('\n');
}
