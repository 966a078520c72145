import cliProgress from 'cli-progress';

/**
 * Progress of a long operation on stderr (stdout stays clean for `--json`): a bar
 * on a terminal, plain lines otherwise (CI logs, pipes, tests).
 */
export interface ProgressDisplay {
  /** `done` of `total` finished; `detail` follows the counts ("35 prepared, 3 failed", a module name). */
  update(done: number, total: number, detail?: string): void;
  /** A line of the operation's log, above the bar; `routine` lines give way to the bar once it shows. */
  log(line: string, kind?: LogKind): void;
  stop(): void;
}

/** `routine` lines (steps, "Compiling module 5 of 30") are dropped on a terminal while the bar tells the same; `notable` ones always show. */
export type LogKind = 'routine' | 'notable';

/** Plain mode prints every step up to this many, then one line per PERCENT_STEP, so 10,000 modules stay readable in a log. */
const EVERY_STEP_UP_TO = 20;
const PERCENT_STEP = 5;

/** Formats a plain progress line; the default is `[title] done/total detail`. */
export type PlainLine = (done: number, total: number, detail: string | undefined) => string;

/** The display for `title` ("import", "prepare"…): a bar when `stream` is a terminal. */
export function createProgress(
  title: string,
  options: { plainLine?: PlainLine; stream?: NodeJS.WriteStream } = {},
): ProgressDisplay {
  const stream = options.stream ?? process.stderr;
  const plainLine =
    options.plainLine ?? ((done, total, detail) => `[${title}] ${done}/${total}${detail ? ` ${detail}` : ''}`);
  return stream.isTTY ? new BarProgress(title, stream) : new PlainProgress(plainLine, stream);
}

class PlainProgress implements ProgressDisplay {
  private routineLines = 0;
  private lastDone = -1;
  private lastPercent = -1;
  private lastTotal = -1;

  constructor(
    private readonly plainLine: PlainLine,
    private readonly stream: NodeJS.WritableStream,
  ) {}

  update(done: number, total: number, detail?: string): void {
    if (done === this.lastDone && total === this.lastTotal) return;
    const percent = total > 0 ? Math.floor((done * 100) / total / PERCENT_STEP) * PERCENT_STEP : 100;
    const worthALine =
      total <= EVERY_STEP_UP_TO || done === total || percent !== this.lastPercent || total !== this.lastTotal;
    this.lastDone = done;
    this.lastTotal = total;
    if (!worthALine) return;
    this.lastPercent = percent;
    this.stream.write(`${this.plainLine(done, total, detail)}\n`);
  }

  /** Routine lines past the first EVERY_STEP_UP_TO are left out (the counts lines go on), so 10,000 modules stay readable. */
  log(line: string, kind: LogKind = 'notable'): void {
    if (kind === 'routine' && ++this.routineLines > EVERY_STEP_UP_TO) {
      if (this.routineLines === EVERY_STEP_UP_TO + 1)
        this.stream.write(`(further routine lines are left out; warnings and errors still show)\n`);
      return;
    }
    this.stream.write(`${line}\n`);
  }

  stop(): void {}
}

class BarProgress implements ProgressDisplay {
  private readonly bars: cliProgress.MultiBar;
  private bar: cliProgress.SingleBar | null = null;

  constructor(
    title: string,
    private readonly stream: NodeJS.WriteStream,
  ) {
    this.bars = new cliProgress.MultiBar(
      {
        stream,
        format: `${title.padEnd(8)} [{bar}] {percentage}% | {value}/{total} | {detail}`,
        hideCursor: true,
        clearOnComplete: false,
        autopadding: true,
        barsize: 30,
      },
      cliProgress.Presets.shades_classic,
    );
  }

  update(done: number, total: number, detail = ''): void {
    if (!this.bar) {
      this.bar = this.bars.create(total, done, { detail });
      return;
    }
    this.bar.setTotal(total);
    this.bar.update(done, { detail });
  }

  log(line: string, kind: LogKind = 'notable'): void {
    // MultiBar.log only shows once a bar renders; before that, write straight through.
    if (!this.bar) this.stream.write(`${line}\n`);
    else if (kind === 'notable') this.bars.log(`${line}\n`);
  }

  stop(): void {
    this.bars.stop();
  }
}
