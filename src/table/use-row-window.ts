import { type UIEvent, useState } from 'react';

export const ROW_HEIGHT = 28;
/** Up to this many rows render without windowing. */
const RENDER_ALL_BELOW = 250;
const OVERSCAN = 20;

export interface RowWindow {
  /** Index of the first row to render. */
  readonly first: number;
  /** Index after the last row to render. */
  readonly last: number;
  readonly onScroll: (e: UIEvent<HTMLDivElement>) => void;
}

/**
 * Large matrices render only the rows in view (plus some), spaced by empty rows above and below;
 * small ones render every row.
 */
export function useRowWindow(count: number): RowWindow {
  const [viewport, setViewport] = useState({ top: 0, height: 0 });
  let first = 0;
  let last = count;
  if (count > RENDER_ALL_BELOW) {
    const height = viewport.height || 600;
    first = Math.max(0, Math.floor(viewport.top / ROW_HEIGHT) - OVERSCAN);
    last = Math.min(count, Math.ceil((viewport.top + height) / ROW_HEIGHT) + OVERSCAN);
  }
  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    if (count > RENDER_ALL_BELOW) setViewport({ top: el.scrollTop, height: el.clientHeight });
  };
  return { first, last, onScroll };
}
