import { getViewportForBounds, useReactFlow, type Viewport } from '@xyflow/react';
import { type RefObject, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useAppStoreApi } from '@/store/store-context';
import type { CanvasEdge, CanvasNode } from './canvas-types';
import { farCapable } from './far-layer';
import type { PrintBox } from './far-print';
import { FIT_OPTIONS, zoomFloor } from './use-view-requests';

/** The box the canvas takes on paper (print.css: `--print-width` × `--print-height` of `.app`). */
function printBox(element: HTMLElement | null): PrintBox | undefined {
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
 * A diagram that can be drawn on the far layer (over 500 hosts) is printed from it, whatever the
 * view on screen: only its hosts in view are nodes, and those mounted now would not be measured in
 * time; the far layer paints the print's picture at once ({@link FarPrint}).
 *
 * @param wrapper - The element around the diagram (inside the app, whose print box it reads).
 * @returns The print box while a diagram drawn on the far layer is being printed, else undefined.
 */
export function usePrintFit(wrapper: RefObject<HTMLDivElement | null>): PrintBox | undefined {
  const store = useAppStoreApi();
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  const [farPrint, setFarPrint] = useState<PrintBox | undefined>(undefined);
  useEffect(() => {
    let before: Viewport | undefined;
    const fit = () => {
      const hosts = store.getState().hosts.length;
      const box = printBox(wrapper.current);
      if (hosts === 0 || !box || before) return;
      before = flow.getViewport();
      // As a fit of the view: hidden hosts (far view) do not count, the far layer's stand-in does.
      const bounds = flow.getNodesBounds(flow.getNodes().filter((n) => !n.hidden));
      const view = getViewportForBounds(
        bounds,
        box.width,
        box.height,
        zoomFloor(bounds, box),
        FIT_OPTIONS.maxZoom,
        FIT_OPTIONS.padding,
      );
      flushSync(() => {
        void flow.setViewport(view);
        if (farCapable(hosts)) setFarPrint(box);
      });
    };
    const putBack = () => {
      const view = before;
      before = undefined;
      if (view)
        flushSync(() => {
          void flow.setViewport(view);
          setFarPrint(undefined);
        });
    };
    window.addEventListener('beforeprint', fit);
    window.addEventListener('afterprint', putBack);
    return () => {
      window.removeEventListener('beforeprint', fit);
      window.removeEventListener('afterprint', putBack);
    };
  }, [flow, store, wrapper]);
  return farPrint;
}
