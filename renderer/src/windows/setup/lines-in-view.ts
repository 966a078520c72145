/** Lines rendered beyond each edge of the view, so a scroll shows text before React catches up. */
const OVERSCAN = 10;
/** While following, lines above the view: the admin's first scroll up renders the rest. */
const FOLLOW_OVERSCAN = 2;

/** Where the Setup log's view is, in lines of a fixed height. */
export interface LogView {
  /** Lines in the log. */
  count: number;
  /** True while the view follows the latest line: the rows are then the tail, wherever the scroll position is. */
  following: boolean;
  /** The first line in view when not following. */
  firstInView: number;
  viewPx: number;
  linePx: number;
}

/**
 * The lines to render, [first, end): constant work, whatever the log's length. `slots`:
 * more than ever rendered at once for this view's size, so `line % slots` keys the rows
 * uniquely and a row that scrolled away is reused for a new line.
 */
export function linesInView(view: LogView): { first: number; end: number; slots: number } {
  const fits = Math.ceil(view.viewPx / view.linePx) + 1;
  const slots = fits + 2 * OVERSCAN;
  if (view.following) return { first: Math.max(0, view.count - fits - FOLLOW_OVERSCAN), end: view.count, slots };
  const first = Math.max(0, Math.min(view.firstInView, view.count - fits) - OVERSCAN);
  return { first, end: Math.min(view.count, first + slots), slots };
}
