import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppStore } from '@/store/app-store';
import { isEditable } from '@/store/use-shortcuts';

/** The key that enters and leaves presentation (Escape also leaves). */
export const PRESENT_KEY = 'p';

/**
 * True when a plain key press is meant for the page, not for a text field, a menu or a dialog
 * (their own Escape closes them and must not also end the presentation).
 */
function isPageKey(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || event.defaultPrevented) return false;
  if (isEditable(event.target)) return false;
  return !(event.target instanceof Element && event.target.closest('[role="menu"], [role="dialog"]'));
}

/**
 * Asks the canvas to fit the whole diagram. The canvas follows `fitRequest` (use-view-requests),
 * which also handles the empty diagram and tells the store the new view centre.
 */
export function requestFit(store: AppStore): void {
  // No action exists for a bare fit request yet (only loads and layouts bump it), so bump it here.
  store.setState((s) => ({ fitRequest: s.fitRequest + 1 }));
}

/**
 * Presentation mode (issue 12, a projector): only the canvas, hosts and labels larger. P toggles
 * it when no text field has the focus, Escape leaves it; entering fits the diagram to the window.
 *
 * @param store - The app's store, whose fit request the canvas follows.
 * @returns Whether the app presents, and `enter` / `leave` for the buttons.
 */
export function usePresentation(store: AppStore): {
  readonly presenting: boolean;
  readonly enter: () => void;
  readonly leave: () => void;
} {
  const [presenting, setPresenting] = useState(false);
  const enter = useCallback(() => setPresenting(true), []);
  const leave = useCallback(() => setPresenting(false), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isPageKey(event)) return;
      if (event.key.toLowerCase() === PRESENT_KEY && !event.shiftKey) setPresenting((on) => !on);
      else if (event.key === 'Escape' && presenting) setPresenting(false);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presenting]);

  // Both ways the canvas changes size (the panels and the matrix come and go), so fit it both ways,
  // a frame after the new layout, once React Flow has measured the canvas and the larger hosts.
  // Not on the first render (nor StrictMode's second run of it): the document's own fit stands.
  const shown = useRef(presenting);
  useEffect(() => {
    if (shown.current === presenting) return;
    shown.current = presenting;
    const id = requestAnimationFrame(() => requestFit(store));
    return () => cancelAnimationFrame(id);
  }, [presenting, store]);

  return { presenting, enter, leave };
}
