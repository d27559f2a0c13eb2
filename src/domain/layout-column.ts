import type { Host, Position } from './document';

/**
 * Where each host is, as one column in host order, for one document's hosts and layout (issue 18).
 * The reading worker posts a file's positions that way; the canvas then frames and draws a
 * 100,000-host estate by reading the column, instead of each of its passes looking up 100,000 ids
 * in the layout. A value: it holds the very lists it was made for, and is read only for those.
 */
export interface LayoutColumn {
  readonly hosts: readonly Host[];
  readonly layout: Readonly<Record<string, Position>>;
  /**
   * x and y of host `i` at `2i` and `2i + 1`. Every host has a position, and the layout holds no
   * other id (as the page unpacks a document the worker restored).
   */
  readonly xy: Float64Array;
}

/**
 * The positions of `hosts` in host order, when `column` was made for these very hosts and layout.
 *
 * @param column - a layout column, if one is known
 * @param hosts - the hosts in use
 * @param layout - the layout in use
 * @returns the column's x and y (see {@link LayoutColumn.xy}), or undefined: then look each host up
 * @example
 * const xy = columnFor(state.layoutColumn, hosts, layout);
 */
export function columnFor(
  column: LayoutColumn | null | undefined,
  hosts: readonly Host[],
  layout: Readonly<Record<string, Position>>,
): Float64Array | undefined {
  return column && column.hosts === hosts && column.layout === layout && column.xy.length === hosts.length * 2
    ? column.xy
    : undefined;
}
