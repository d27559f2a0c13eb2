import { useCallback } from 'react';
import type { AppState } from '@/store/app-store';
import { type HighlightMark, highlightMark } from '@/store/highlight';
import { useAppStore, useAppStoreApi } from '@/store/store-context';

/**
 * Whether a host or link is one the matrix filter matches ('match'), one it does not ('dim'), or
 * the filter is blank (undefined). Each host and link subscribes on its own, and re-renders only
 * when its own mark changes: a keystroke in the filter re-renders the elements that change, not
 * the canvas. Unfiltered, the selector is one property read per store update.
 */
export function useHighlightMark(kind: 'host' | 'link', id: string): HighlightMark {
  const store = useAppStoreApi();
  return useAppStore(useCallback((s: AppState) => highlightMark(store, s, kind, id), [store, kind, id]));
}

/** A mark's class name suffix on the element's root class, '' when unmarked. */
export function markClass(block: string, mark: HighlightMark): string {
  return mark ? ` ${block}--${mark}` : '';
}
