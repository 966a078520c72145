import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { LogLine } from '../../../../common/domain';
import { formatClock, formatCount } from '../../lib/format';
import { usePreparationStore } from '../../stores/preparation-store';

/** How close to the bottom (px) still counts as being at the latest line. */
const FOLLOW_SLACK_PX = 24;
/**
 * Each line is one row of this height (in rem, as `.log-line` in dialog-window.css):
 * lines never wrap (a long one scrolls sideways, as in a terminal), so rows need no
 * measuring, and only the admin ever moves the scroll position up.
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
 */
export function SetupLog() {
  const log = usePreparationStore((s) => s.log);
  const boxRef = useRef<HTMLDivElement>(null);
  const followRef = useRef(true);
  const lastTopRef = useRef(0);
  const [following, setFollowing] = useState(true);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const [lineHeight] = useState(linePx);

  // The virtualizer's API is not memo-safe by design; the compiler lint knows and skips this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: log.length,
    getScrollElement: () => boxRef.current,
    estimateSize: () => lineHeight,
    overscan: 10,
    useFlushSync: false,
  });
  const totalSize = virtualizer.getTotalSize();

  const follow = useCallback((on: boolean) => {
    followRef.current = on;
    setFollowing(on);
  }, []);

  const scrollToLatest = useCallback(() => {
    const box = boxRef.current;
    if (!box) return;
    box.scrollTop = box.scrollHeight;
    lastTopRef.current = box.scrollTop;
  }, []);

  const onScroll = () => {
    const box = boxRef.current;
    if (!box) return;
    const atEnd = box.scrollHeight - box.scrollTop - box.clientHeight <= FOLLOW_SLACK_PX;
    const movedUp = box.scrollTop < lastTopRef.current - 1;
    lastTopRef.current = box.scrollTop;
    if (atEnd && !followRef.current) follow(true);
    else if (!atEnd && movedUp && followRef.current) follow(false);
  };

  // New lines keep the latest line in view while following.
  useLayoutEffect(() => {
    if (followRef.current) scrollToLatest();
  }, [log.length, totalSize, scrollToLatest]);

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
            {virtualizer.getVirtualItems().map((item) => {
              const line = log[item.index];
              return (
                <div
                  key={item.index}
                  className={`log-line log-line--${line.level}`}
                  data-testid="setup-log-line"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <LogRow line={line} />
                </div>
              );
            })}
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
