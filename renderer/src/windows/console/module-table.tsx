import { memo, useCallback, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ModuleRow } from '../../../../common/domain';
import { ModuleStatusBadge } from '../../components/status-badge';
import { hrefs } from '../../routing/route';
import { useModuleRow } from '../../stores/modules-store';

/** Row height estimate in px; rows are measured, so wrapping at high zoom still lays out right. */
const ROW_ESTIMATE_PX = 41;

const KIND_LABEL: Record<ModuleRow['kind'], string> = {
  web: 'Web',
  mobile: 'Mobile',
  service: 'Service',
  library: 'Library',
};

/** One row; it follows its module's status itself, so a status change renders that row only. */
const Row = memo(function Row({ listed }: { listed: ModuleRow }) {
  const row = useModuleRow(listed);
  return (
    <>
      <div role="cell" className="module-table__cell module-table__name">
        <a className="link" href={hrefs.module(row.name)}>
          {row.name}
        </a>
      </div>
      <div role="cell" className="module-table__cell" data-label="Application">
        {row.application}
      </div>
      <div role="cell" className="module-table__cell" data-label="Kind">
        {KIND_LABEL[row.kind] ?? row.kind}
      </div>
      <div role="cell" className="module-table__cell mono" data-label="Running version">
        {row.runningVersion ?? <span className="muted">not deployed</span>}
      </div>
      <div role="cell" className="module-table__cell" data-label="Preparation">
        <ModuleStatusBadge status={row.status} />
      </div>
    </>
  );
});

/**
 * The virtualised modules table: only the rows in view are in the DOM, so 10,000+ rows
 * scroll smoothly. `rows` changes with a load or the filters, not with statuses (each
 * row follows its own), so a progress update does not render the table.
 */
export function ModuleTable({ rows, totalCount, loaded }: { rows: ModuleRow[]; totalCount: number; loaded: boolean }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // A new key function makes the virtualizer measure every row again: only when the rows change.
  const getItemKey = useCallback((index: number) => rows[index].name, [rows]);
  // The virtualizer's API is not memo-safe by design; the compiler lint knows and skips this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 12,
    // Rendering in the scroll event (flushSync) costs more than a frame of lag on 10,000 rows.
    useFlushSync: false,
    getItemKey,
  });

  return (
    <div
      className="module-table"
      role="table"
      aria-label="Modules"
      aria-rowcount={rows.length + 1}
      data-testid="modules-table"
    >
      <div role="rowgroup" className="module-table__head">
        <div role="row" aria-rowindex={1} className="module-table__row module-table__row--head">
          <div role="columnheader">Name</div>
          <div role="columnheader">Application</div>
          <div role="columnheader">Kind</div>
          <div role="columnheader">Running version</div>
          <div role="columnheader">Preparation status</div>
        </div>
      </div>
      <div ref={scrollRef} className="module-table__scroll" data-testid="modules-scroll" tabIndex={-1}>
        {loaded && rows.length === 0 && (
          <p className="module-table__empty">
            {totalCount === 0 ? 'This environment has no modules.' : 'No module matches the search and filters.'}
          </p>
        )}
        <div role="rowgroup" className="module-table__body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className="module-table__row"
                data-testid="module-row"
                data-module-name={row.name}
                data-index={item.index}
                ref={virtualizer.measureElement}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <Row listed={row} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
