/**
 * The arrange slice: putting what is drawn in order without drawing anything new. Align and
 * distribute the selected hosts (issue 12) and keep links an import inferred (issue 14), each as
 * one undo step. The canvas's right-click menus and the toolbar's Arrange menu call these.
 */
import {
  type AlignKind,
  alignBoxes,
  type DistributeAxis,
  distributeBoxes,
  hostBoxes,
  MIN_ALIGN,
  MIN_DISTRIBUTE,
} from '@/domain/edits/align';
import { keepLinks } from '@/domain/edits/keep-links';
import { setPositions } from '@/domain/edits/layout-edits';
import { DEFAULT_HOST_SIZE } from '@/domain/layout/host-size';
import { commitDocument } from './document-state';
import type { AppState, SliceCreator } from './store-types';

export interface ArrangeSlice {
  /**
   * Aligns the selected hosts (two or more) on an edge or centre line, using their measured
   * sizes, as one undo step. Returns false when nothing moved.
   */
  alignSelection(kind: AlignKind): boolean;
  /**
   * Spreads the selected hosts (three or more) evenly along an axis, the outer two staying, as
   * one undo step. Returns false when nothing moved.
   */
  distributeSelection(axis: DistributeAxis): boolean;
  /** Removes the "inferred" mark from links (one undo step); returns how many were marked. */
  keepLinks(linkIds: readonly string[]): number;
}

/** How many selected hosts can be aligned (`align`) and distributed (`distribute`). */
export function arrangeable(state: Pick<AppState, 'selectedHostIds'>): {
  align: boolean;
  distribute: boolean;
} {
  const n = state.selectedHostIds.length;
  return { align: n >= MIN_ALIGN, distribute: n >= MIN_DISTRIBUTE };
}

/**
 * The arrange actions of a store made by `createAppStore`, which composes this slice.
 * Until `AppState` (store-types.ts) names `ArrangeSlice`, this is the one typed way to reach them.
 */
export function arrangeActions(state: AppState): ArrangeSlice {
  return state as AppState & ArrangeSlice;
}

export const createArrangeSlice: SliceCreator<ArrangeSlice> = (set, get) => {
  /** Moves hosts to `positions` in one set (one undo step); false when none moved. */
  const move = (positions: Parameters<typeof setPositions>[1]): boolean => {
    const state = get();
    const next = setPositions(state, positions);
    if (next === state) return false;
    commitDocument(set, next);
    return true;
  };
  const selectedBoxes = () => {
    const state = get();
    return hostBoxes(state.layout, state.selectedHostIds, state.measured, DEFAULT_HOST_SIZE);
  };

  return {
    alignSelection(kind) {
      const boxes = selectedBoxes();
      return boxes.length >= MIN_ALIGN && move(alignBoxes(boxes, kind));
    },
    distributeSelection(axis) {
      const boxes = selectedBoxes();
      return boxes.length >= MIN_DISTRIBUTE && move(distributeBoxes(boxes, axis));
    },
    keepLinks(linkIds) {
      const state = get();
      const wanted = new Set(linkIds);
      const marked = state.links.filter((l) => l.inferred && wanted.has(l.id)).length;
      if (marked > 0) commitDocument(set, keepLinks(state, linkIds));
      return marked;
    },
  };
};
