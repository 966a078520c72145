import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { LogLine } from '../../../../common/domain';
import { formatClock, formatCount } from '../../lib/format';
import { usePreparationStore } from '../../stores/preparation-store';
import { linesInView } from './lines-in-view';

/** How close to the bottom (px) still counts as being at the latest line. */
const FOLLOW_SLACK_PX = 24;
/**
 * Each line is one row of this height (in rem, as `.log-line` in dialog-window.css):
 * lines never wrap (a long one scrolls sideways, as in a terminal), so which lines are
 * in view is arithmetic on the scroll position, the same at line 20 and line 20,000.
 */
const LINE_REM = 1.25;

function linePx(): number {
  return LINE_REM * (parseFloat(getComputedStyle(document.documentElement).fontSize) || 16);
}

const LogRow = memo(function LogRow({ line }: { line: LogLine }) {
  return (
    <>
      <time className="log-line__time" dateTime={line.at}>
        {formatClock(line.at, true)}
      </time>
      <span className="log-line__text">{line.text}</span>
    </>
  );
});

/** The log as text, for the clipboard: every line of the run, not only those on screen. */
export function logText(lines: readonly LogLine[]): string {
  return lines.map((line) => `${formatClock(line.at, true)}  ${line.level.padEnd(7)}  ${line.text}`).join('\n');
}

/**
 * The Setup window's log: every line of the run, virtualised (only the lines in view
 * are in the page, so line 20,000 costs what line 20 did). It follows the latest line
 * unless the admin scrolled up to read; then "Jump to latest" brings it back. The box
 * takes the keyboard focus (arrows, Page Up/Down, Home, End scroll it); its text is
 * selectable, and "Copy log" copies every line.
 *
 * New lines cost one render of the lines they bring into view: while following, the
 * rows are the tail (known without reading the scroll position), and scroll events
 * re-render only when the admin moves to other lines.
 */
export function SetupLog() {
  const log = usePreparationStore((s) => s.log);
  const boxRef = useRef<HTMLDivElement>(null);
  const followRef = useRef(true);
  const lastTopRef = useRef(0);
  const paddingRef = useRef(0);
  const [following, setFollowing] = useState(true);
  const [firstInView, setFirstInView] = useState(0);
  const [viewPx, setViewPx] = useState(0);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const [lineHeight] = useState(linePx);
  const totalSize = log.length * lineHeight;

  const lineAt = useCallback(
    (scrollTop: number) => Math.floor(Math.max(0, scrollTop - paddingRef.current) / lineHeight),
    [lineHeight],
  );

  const follow = useCallback(
    (on: boolean) => {
      followRef.current = on;
      setFollowing(on);
      if (!on && boxRef.current) setFirstInView(lineAt(boxRef.current.scrollTop));
    },
    [lineAt],
  );

  // The view's height, kept by a ResizeObserver: never read in a render.
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    paddingRef.current = parseFloat(getComputedStyle(box).paddingTop) || 0;
    setViewPx(box.clientHeight);
    const observer = new ResizeObserver(([entry]) => setViewPx(entry.contentRect.height));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const scrollToLatest = useCallback(() => {
    const box = boxRef.current;
    if (!box) return;
    // Past the end: the browser stops the scroll at the last line, without this reading the layout first.
    box.scrollTop = totalSize + 2 * paddingRef.current + 1_000_000;
    lastTopRef.current = box.scrollTop;
  }, [totalSize]);

  const onScroll = () => {
    const box = boxRef.current;
    if (!box) return;
    const atEnd = box.scrollHeight - box.scrollTop - box.clientHeight <= FOLLOW_SLACK_PX;
    const movedUp = box.scrollTop < lastTopRef.current - 1;
    lastTopRef.current = box.scrollTop;
    if (atEnd && !followRef.current) follow(true);
    else if (!atEnd && movedUp && followRef.current) follow(false);
    // While following the rows are the tail whatever the position: only a reader's scroll renders other lines.
    else if (!followRef.current) setFirstInView(lineAt(box.scrollTop));
  };

  // New lines keep the latest line in view while following.
  useLayoutEffect(() => {
    if (followRef.current) scrollToLatest();
  }, [log.length, scrollToLatest]);

  const jumpToLatest = () => {
    follow(true);
    scrollToLatest();
    boxRef.current?.focus();
  };

  const copyAll = async () => {
    try {
      await navigator.clipboard.writeText(logText(usePreparationStore.getState().log));
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  const { first, end, slots } = linesInView({ count: log.length, following, firstInView, viewPx, linePx: lineHeight });
  const rows: React.ReactNode[] = [];
  for (let index = first; index < end; index++) {
    const line = log[index];
    rows.push(
      // Keyed by slot, not by line: new lines reuse the rows that scrolled away (new text, no new elements).
      <div
        key={index % slots}
        className={`log-line log-line--${line.level}`}
        data-testid="setup-log-line"
        style={{ transform: `translateY(${index * lineHeight}px)` }}
      >
        <LogRow line={line} />
      </div>,
    );
  }

  return (
    <section className="setup-log-frame" aria-label="Environment Setup log">
      <div className="setup-log-frame__bar">
        <span className="muted" data-testid="setup-log-count">
          {log.length === 1 ? '1 line' : `${formatCount(log.length)} lines`}
        </span>
        <span className="spacer" />
        <span className="muted" role="status">
          {copied === 'copied'
            ? 'Copied every line.'
            : copied === 'failed'
              ? 'Could not copy: select the text instead.'
              : ''}
        </span>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => void copyAll()}
          disabled={log.length === 0}
          data-testid="setup-log-copy"
        >
          Copy log
        </button>
      </div>
      <div
        ref={boxRef}
        className="setup-log"
        role="log"
        aria-label="Environment Setup log"
        aria-live="off"
        tabIndex={0}
        onScroll={onScroll}
        data-testid="setup-log"
        data-following={following}
      >
        {log.length === 0 ? (
          <p className="setup-log__empty">Waiting for the first steps…</p>
        ) : (
          <div className="setup-log__lines" style={{ height: totalSize }}>
            {rows}
          </div>
        )}
      </div>
      {!following && log.length > 0 && (
        <button
          type="button"
          className="button button--primary setup-log__jump"
          onClick={jumpToLatest}
          data-testid="setup-log-jump"
        >
          Jump to latest ↓
        </button>
      )}
    </section>
  );
}
