import { type RefObject, useEffect, useState } from 'react';

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

/** Where the scroll box is scrolled to and how high it is. */
interface View {
  readonly top: number;
  readonly height: number;
}

/** Follows the scroll box's scroll position and height (read in its own events, never during render). */
function useScrollView(scroller: RefObject<HTMLDivElement | null>, active: boolean): View {
  const [view, setView] = useState<View>({ top: 0, height: FALLBACK_HEIGHT });
  useEffect(() => {
    const el = scroller.current;
    if (!el || !active) return;
    const read = () => {
      const height = el.clientHeight > 0 ? el.clientHeight : FALLBACK_HEIGHT;
      const top = el.scrollTop;
      setView((v) => (v.top === top && v.height === height ? v : { top, height }));
    };
    read();
    el.addEventListener('scroll', read, { passive: true });
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(read) : undefined;
    resize?.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      resize?.disconnect();
    };
  }, [scroller, active]);
  return view;
}

/**
 * The entries in view (plus some) of a large matrix; every entry of a small one. Every row is
 * {@link ROW_HEIGHT} high, so what is in view follows from the scroll position alone: an edit
 * that changes the number of rows costs nothing here (a virtualiser measuring each of 100,000
 * rows cost a quarter second per edit).
 *
 * @param count - How many entries (group headings and rows) the table body has.
 * @param scroller - The element that scrolls the table.
 */
export function useVirtualRows(count: number, scroller: RefObject<HTMLDivElement | null>): VirtualRows {
  const windowed = count > RENDER_ALL_BELOW;
  const { top, height } = useScrollView(scroller, windowed);
  if (!windowed) return { indices: Array.from({ length: count }, (_, i) => i), before: 0, after: 0 };
  // The table's header row scrolls with the body: a row or so too many is harmless.
  const start = Math.min(count, Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN));
  const end = Math.min(count, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
  const indices: number[] = [];
  for (let i = start; i < end; i += 1) indices.push(i);
  return { indices, before: start * ROW_HEIGHT, after: (count - end) * ROW_HEIGHT };
}
