import { memo, useLayoutEffect, useRef } from 'react';
import { formatClock } from '../../lib/format';
import { usePreparationStore, type LogEntry } from '../../stores/preparation-store';

/** How close to the bottom (px) still counts as "following" the log. */
const FOLLOW_SLACK_PX = 24;

const LogRow = memo(function LogRow({ entry }: { entry: LogEntry }) {
  return (
    <div className={`log-line log-line--${entry.level}`}>
      <time className="log-line__time" dateTime={entry.at}>
        {formatClock(entry.at, true)}
      </time>
      <span className="log-line__text">{entry.text}</span>
    </div>
  );
});

/** The scrolling log: follows new lines unless the admin scrolled up to read. */
export function SetupLog() {
  const log = usePreparationStore((s) => s.log);
  const boxRef = useRef<HTMLDivElement>(null);
  const followRef = useRef(true);

  const onScroll = () => {
    const box = boxRef.current;
    if (!box) return;
    followRef.current = box.scrollHeight - box.scrollTop - box.clientHeight <= FOLLOW_SLACK_PX;
  };

  useLayoutEffect(() => {
    const box = boxRef.current;
    if (box && followRef.current) box.scrollTop = box.scrollHeight;
  }, [log]);

  return (
    <div
      ref={boxRef}
      className="setup-log"
      role="log"
      aria-label="Environment Setup log"
      aria-live="off"
      tabIndex={0}
      onScroll={onScroll}
      data-testid="setup-log"
    >
      {log.length === 0 ? (
        <p className="setup-log__empty">Waiting for the first steps…</p>
      ) : (
        log.map((entry) => <LogRow key={entry.seq} entry={entry} />)
      )}
    </div>
  );
}
