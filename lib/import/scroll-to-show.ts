/**
 * Scroll geometry along one axis, for keeping the grid's active cell in view. Pure.
 */

/**
 * The scroll offset that shows `span` (from `start` to `end`, in the scrolled content's coordinates)
 * whole in a view of `size` scrolled to `offset`, moving as little as possible: the offset unchanged
 * when the span is already shown (no jump on every move), the span at the view's near edge otherwise,
 * and its start when it is wider than the view.
 */
export function scrollOffsetToShow(
  span: { start: number; end: number },
  view: { offset: number; size: number },
): number {
  if (span.start < view.offset || span.end - span.start > view.size) return span.start;
  if (span.end > view.offset + view.size) return span.end - view.size;
  return view.offset;
}
