import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { type RefObject, useCallback } from 'react';

export const ROW_HEIGHT = 28;
/** Up to this many entries render without windowing (small diagrams, and what tests and e2e read). */
const RENDER_ALL_BELOW = 250;
const OVERSCAN = 20;
/** The viewport height assumed where the page has no layout (jsdom) or before it is measured. */
const FALLBACK_HEIGHT = 600;

export interface VirtualRows {
  /** Positions of the entries to render, in order. */
  readonly indices: readonly number[];
  /** Pixels of space above the first and below the last rendered entry. */
  readonly before: number;
  readonly after: number;
}

/** Measures the scroll box, falling back to a plain height where nothing has layout. */
function observeRect(
  instance: Virtualizer<HTMLDivElement, Element>,
  cb: (rect: { width: number; height: number }) => void,
) {
  return observeElementRect(instance, (rect) =>
    cb(rect.height > 0 ? rect : { ...rect, height: FALLBACK_HEIGHT }),
  );
}

/**
 * The entries in view (plus some) of a large matrix, by TanStack Virtual over the scroll box;
 * every entry of a small one.
 *
 * @param count - How many entries (group headings and rows) the table body has.
 * @param scroller - The element that scrolls the table.
 */
export function useVirtualRows(count: number, scroller: RefObject<HTMLDivElement | null>): VirtualRows {
  const windowed = count > RENDER_ALL_BELOW;
  const virtualizer = useVirtualizer({
    count: windowed ? count : 0,
    getScrollElement: useCallback(() => scroller.current, [scroller]),
    estimateSize: useCallback(() => ROW_HEIGHT, []),
    overscan: OVERSCAN,
    initialRect: { width: 0, height: FALLBACK_HEIGHT },
    observeElementRect: observeRect,
  });
  if (!windowed) return { indices: Array.from({ length: count }, (_, i) => i), before: 0, after: 0 };
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  return {
    indices: items.map((item) => item.index),
    before: first ? first.start : 0,
    after: last ? virtualizer.getTotalSize() - last.end : 0,
  };
}
