import { Fragment } from 'react';

/**
 * A file system path that wraps after its separators (`/`, `\`) rather than mid-word: each segment
 * (up to and with its separator) is a box of its own, followed by a <wbr>; only a segment wider than
 * the line breaks inside (.path-text__segment).
 */
export function PathText({ path, testId }: { path: string; testId?: string }) {
  const parts = path.split(/(?<=[\\/])/);
  return (
    <span className="mono path-text" title={path} data-testid={testId}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          <span className="path-text__segment">{part}</span>
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </span>
  );
}
