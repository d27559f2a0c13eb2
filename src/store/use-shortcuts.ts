import { useEffect } from 'react';
import { message } from '@/domain/message';
import type { AppStore } from './app-store';
import { useAppStoreApi } from './store-context';

/** True when the key belongs to a text field (its own undo and clipboard win). */
export function isEditable(target: EventTarget | null): boolean {
  // No DOM (a store test in node): no text field either.
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** Handles one key press; returns true when it was a shortcut. Exported for tests. */
export function handleShortcut(store: AppStore, event: KeyboardEvent): boolean {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || isEditable(event.target)) return false;
  const key = event.key.toLowerCase();
  const state = store.getState();
  if (key === 'z' && !event.shiftKey) state.undo();
  else if ((key === 'z' && event.shiftKey) || key === 'y') state.redo();
  else if (key === 'c') {
    const n = state.copySelection();
    if (n === 0) return false;
    state.notify({ tone: 'info', title: message('store:copied', { count: n }) });
  } else if (key === 'v') {
    if (state.paste() === 0) return false;
  } else if (key === 'a') {
    // All hosts, not the page's text (the browser's Ctrl+A); links between them follow in the inspector.
    state.select(
      state.hosts.map((h) => h.id),
      [],
    );
  } else if (key === 'd') {
    // Also when nothing is selected: Ctrl+D would otherwise bookmark the page.
    state.duplicateSelection();
  } else if (key === 'g') {
    // As grouping in draw.io: the selected hosts go into a new zone drawn around them.
    if (state.zoneAroundSelection() === undefined) return false;
  } else return false;
  event.preventDefault();
  return true;
}

/**
 * Undo (Ctrl+Z), redo (Ctrl+Shift+Z, Ctrl+Y), copy and paste of hosts (Ctrl+C, Ctrl+V), select
 * all hosts (Ctrl+A), duplicate the selection (Ctrl+D) and put it in a new zone (Ctrl+G). Find (Ctrl+F) belongs to the canvas.
 */
export function useShortcuts(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      handleShortcut(store, event);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
