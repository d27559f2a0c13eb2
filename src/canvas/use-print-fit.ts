import { getViewportForBounds, useReactFlow, type Viewport } from '@xyflow/react';
import { type RefObject, useEffect } from 'react';
import { flushSync } from 'react-dom';
import { useAppStoreApi } from '@/store/store-context';
import type { CanvasEdge, CanvasNode } from './canvas-types';
import { farCapable } from './far-layer';
import { FIT_OPTIONS, MIN_ZOOM } from './use-view-requests';

/** The box the canvas takes on paper (print.css: `--print-width` × `--print-height` of `.app`). */
function printBox(element: HTMLElement | null): { width: number; height: number } | undefined {
  const app = element?.closest('.app');
  if (!app) return undefined;
  const style = getComputedStyle(app);
  const width = Number.parseFloat(style.getPropertyValue('--print-width'));
  const height = Number.parseFloat(style.getPropertyValue('--print-height'));
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/**
 * A print from the browser's own menu (Ctrl+P) fits the diagram to the paper as "Print diagram"
 * does: on `beforeprint` the view is set at once (no animation: the page is laid out for paper
 * right after the event) to show every host in the print box, and put back on `afterprint`.
 * A diagram that can be drawn on the far layer (over 500 hosts) keeps its view: its picture is
 * painted by a worker, which cannot repaint before the page is printed, and only its hosts in
 * view are nodes.
 *
 * @param wrapper - The element around the diagram (inside the app, whose print box it reads).
 */
export function usePrintFit(wrapper: RefObject<HTMLDivElement | null>): void {
  const store = useAppStoreApi();
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  useEffect(() => {
    let before: Viewport | undefined;
    const fit = () => {
      const hosts = store.getState().hosts.length;
      const box = printBox(wrapper.current);
      if (hosts === 0 || farCapable(hosts) || !box || before) return;
      before = flow.getViewport();
      const bounds = flow.getNodesBounds(flow.getNodes());
      const view = getViewportForBounds(
        bounds,
        box.width,
        box.height,
        MIN_ZOOM,
        FIT_OPTIONS.maxZoom,
        FIT_OPTIONS.padding,
      );
      flushSync(() => void flow.setViewport(view));
    };
    const putBack = () => {
      const view = before;
      before = undefined;
      if (view) flushSync(() => void flow.setViewport(view));
    };
    window.addEventListener('beforeprint', fit);
    window.addEventListener('afterprint', putBack);
    return () => {
      window.removeEventListener('beforeprint', fit);
      window.removeEventListener('afterprint', putBack);
    };
  }, [flow, store, wrapper]);
}
