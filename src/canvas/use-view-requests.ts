import { useReactFlow, useStore, useStoreApi } from '@xyflow/react';
import { type RefObject, useCallback, useEffect, useRef } from 'react';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import type { CanvasEdge, CanvasNode } from './canvas-types';
import { FAR_HOSTS_ABOVE } from './far-layer';

/** How the canvas fits a whole diagram into its box (at mount, and for a print). */
export const FIT_OPTIONS = { padding: 0.08, maxZoom: 1.25 };

/** The farthest the view zooms out, unless the diagram needs farther to be seen whole ({@link zoomFloor}). */
export const MIN_ZOOM = 0.02;

/** The margin a fit of a document just opened leaves (the widest any fit leaves), as React Flow counts padding. */
const FIT_PADDING = 0.15;
/** The farthest any view zooms out: a drawing of 2,000,000 units (positions reach ±1,000,000) seen whole. */
const LEAST_ZOOM = 0.0001;

/**
 * How far the view may zoom out: {@link MIN_ZOOM}, or less where the whole diagram would not fit
 * the view at that zoom (a 100,000-host estate is some 20,000 × 250,000 units), with room to zoom
 * out twice as far as the fit.
 *
 * @param bounds - the box around the diagram (the far layer's hosts and frames), if known
 * @param view - the size of the view in pixels
 * @returns the least zoom the view allows
 * @example
 * zoomFloor({ x: 0, y: 0, width: 19_440, height: 255_600 }, { width: 1366, height: 600 }); // about 0.001
 */
export function zoomFloor(
  bounds: { readonly width: number; readonly height: number } | undefined,
  view: { readonly width: number; readonly height: number },
): number {
  if (!bounds || !(view.width > 0 && view.height > 0 && bounds.width > 0 && bounds.height > 0))
    return MIN_ZOOM;
  const fit = Math.min(
    view.width / (bounds.width * (1 + FIT_PADDING)),
    view.height / (bounds.height * (1 + FIT_PADDING)),
  );
  return Number.isFinite(fit) ? Math.max(LEAST_ZOOM, Math.min(MIN_ZOOM, fit / 2)) : MIN_ZOOM;
}

/**
 * {@link zoomFloor} for the view React Flow has now (it knows its size once mounted).
 *
 * @param bounds - the box around the diagram, if known
 */
export function useZoomFloor(
  bounds: { readonly width: number; readonly height: number } | undefined,
): number {
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  return zoomFloor(bounds, { width, height });
}

/** A view's place and zoom, as React Flow keeps it. */
interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/**
 * Whether the view is still where a fit left it: nobody panned or zoomed since (a pane that
 * changes size then, as when a notice appears above it, should be fitted again).
 *
 * @param now - the view now
 * @param fitted - the view the last fit ended at, if any
 * @example stillFitted({ x: 1, y: 2, zoom: 0.5 }, { x: 1, y: 2, zoom: 0.5 }) // true
 */
export function stillFitted(now: Viewport, fitted: Viewport | undefined): boolean {
  if (!fitted) return false;
  const near = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
  return near(now.x, fitted.x) && near(now.y, fitted.y) && near(now.zoom, fitted.zoom);
}

/** What the canvas hands React Flow so the store knows where the view is. */
export interface ViewRequests {
  /** The view starts to move: it becomes one composited layer until it stops. */
  readonly onMoveStart: () => void;
  /** The view stopped (or was set up): tell the store its centre, where click-to-add places hosts. */
  readonly updateViewCenter: () => void;
}

/**
 * Follows the store's requests to move the view (reveal a host or link, fit a document just
 * opened) and reports the view's centre back to the store whenever the view settles.
 *
 * @param wrapper - The element around the diagram: its box is the view, its classes mark moves.
 */
export function useViewRequests(wrapper: RefObject<HTMLDivElement | null>): ViewRequests {
  const store = useAppStoreApi();
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  const reveal = useAppStore((s) => s.reveal);
  const fitRequest = useAppStore((s) => s.fitRequest);
  const flowStore = useStoreApi<CanvasNode, CanvasEdge>();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  // Where the last fit of a whole document left the view, and the pane's size it fitted.
  const fitted = useRef<(Viewport & { readonly size: string }) | undefined>(undefined);

  // While the view moves it is one composited layer, so a pan step shifts pixels instead of
  // repainting every host and link; afterwards it is painted again, sharp at the new zoom.
  const onMoveStart = useCallback(() => wrapper.current?.classList.add('is-moving'), [wrapper]);

  const updateViewCenter = useCallback(() => {
    wrapper.current?.classList.remove('is-moving');
    const rect = wrapper.current?.getBoundingClientRect();
    if (!rect) return;
    const c = flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
    if (Number.isFinite(c.x) && Number.isFinite(c.y))
      store.getState().setViewCenter({ x: Math.round(c.x), y: Math.round(c.y) });
  }, [flow, store, wrapper]);

  // A matrix row or a problem was clicked, or a fix added something: bring it into view (a frame
  // later, so a host the fix just added is measured).
  useEffect(() => {
    if (!reveal || reveal.nodeIds.length === 0) return;
    const id = requestAnimationFrame(() => {
      void flow
        .fitView({
          nodes: reveal.nodeIds.map((nodeId) => ({ id: nodeId })),
          duration: 300,
          padding: 0.6,
          maxZoom: Math.max(1, flow.getZoom()),
        })
        .then(updateViewCenter);
    });
    return () => cancelAnimationFrame(id);
  }, [reveal, flow, updateViewCenter]);

  // Fits the whole document, and again if the pane changed size while it did.
  const fitWhole = useCallback(
    (duration: number) => {
      const sizeOf = () => `${flowStore.getState().width}x${flowStore.getState().height}`;
      const size = sizeOf();
      void flow.fitView({ duration, padding: FIT_PADDING, maxZoom: 1.25 }).then(() => {
        fitted.current = { ...flow.getViewport(), size };
        if (sizeOf() !== size) fitWhole(0);
        else updateViewCenter();
      });
    },
    [flow, flowStore, updateViewCenter],
  );

  // A document was opened or a template added: show all of it.
  useEffect(() => {
    if (fitRequest === 0) return;
    const id = requestAnimationFrame(() => {
      // An empty diagram has nothing to fit: fitting it would jump to the largest zoom.
      if (store.getState().hosts.length === 0) {
        fitted.current = undefined;
        void flow.setViewport({ x: 40, y: 40, zoom: 1 }).then(updateViewCenter);
      } else {
        // A large diagram jumps there: each step of a glide would paint every host at another zoom.
        fitWhole(store.getState().hosts.length > FAR_HOSTS_ABOVE ? 0 : 300);
      }
    });
    return () => cancelAnimationFrame(id);
  }, [fitRequest, flow, store, updateViewCenter, fitWhole]);

  // The pane changed size (a notice appeared above it, the window was resized) while the view was
  // still where the fit left it: fit again, so the whole document stays in view.
  useEffect(() => {
    const last = fitted.current;
    if (!(width > 0 && height > 0) || last?.size === `${width}x${height}`) return;
    if (!stillFitted(flow.getViewport(), last)) return;
    fitWhole(0);
  }, [width, height, flow, fitWhole]);

  return { onMoveStart, updateViewCenter };
}
