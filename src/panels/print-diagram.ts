import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppStore } from '@/store/app-store';
import { requestFit } from './presentation-mode';

/**
 * How long the canvas takes to fit the diagram after a fit request: a frame for the request, one
 * for the canvas, and its 300 ms fit animation (use-view-requests), with room to spare.
 */
const FIT_SETTLES_MS = 450;

/**
 * While a print runs: the light palette (paper is white, and a dark page wastes toner) and full
 * link labels (`capturing`, as for a picture). Put back afterwards.
 */
function preparePrint(store: AppStore): () => void {
  const root = document.documentElement;
  const theme = root.dataset.theme;
  root.dataset.theme = 'light';
  store.getState().setCapturing(true);
  return () => {
    if (theme === undefined) delete root.dataset.theme;
    else root.dataset.theme = theme;
    store.getState().setCapturing(false);
  };
}

/**
 * "Print diagram" (issue 12): prints the diagram alone. The print stylesheet (print.css) keeps
 * the canvas only, in a box that fits a landscape A4 or Letter page; `printing` puts the canvas in
 * that box on screen first, so the diagram is fitted to what the paper shows. A print from the
 * browser's own menu (Ctrl+P) gets the light palette too, through `beforeprint` / `afterprint`.
 *
 * @param store - The app's store (its fit request and its capture flag).
 * @returns `printing` while a print is being prepared, and `print` for the toolbar.
 */
export function usePrintDiagram(store: AppStore): { readonly printing: boolean; readonly print: () => void } {
  const [printing, setPrinting] = useState(false);
  const restore = useRef<(() => void) | undefined>(undefined);

  useEffect(() => {
    const before = () => {
      restore.current ??= preparePrint(store);
    };
    const after = () => {
      restore.current?.();
      restore.current = undefined;
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      after();
    };
  }, [store]);

  useEffect(() => {
    if (!printing) return;
    restore.current ??= preparePrint(store);
    // A frame after the canvas took the paper's box, fit the diagram into it; print once it settled.
    const frame = requestAnimationFrame(() => requestFit(store));
    const timer = window.setTimeout(() => {
      try {
        // Blocks until the print dialog closes in Chromium and Firefox, which print what they saw here.
        window.print();
      } finally {
        restore.current?.();
        restore.current = undefined;
        setPrinting(false);
        // The canvas is back in its own box: fit the diagram to it again.
        requestAnimationFrame(() => requestFit(store));
      }
    }, FIT_SETTLES_MS);
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [printing, store]);

  const print = useCallback(() => setPrinting(true), []);
  return { printing, print };
}
