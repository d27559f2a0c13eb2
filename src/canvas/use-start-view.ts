import { getViewportForBounds, type Viewport } from '@xyflow/react';
import { type RefObject, useLayoutEffect, useState } from 'react';
import { DEFAULT_HOST_SIZE } from '@/domain/layout/layout-graph';
import { useAppStoreApi } from '@/store/store-context';
import { hostBounds } from './far-scene';

/** How the canvas fits the diagram (React Flow's fit view options). */
export interface FitOptions {
  readonly padding: number;
  readonly maxZoom: number;
}

/**
 * The view React Flow starts at (its `defaultViewport`). When the canvas fits the diagram at mount,
 * the fit is worked out here first, from the hosts' places at their default size and the canvas's
 * box, so hosts and links mount at the zoom they are shown at: a thousand hosts first laid out and
 * styled at zoom 1 were restyled for far view a moment later (issue 18). React Flow's own fit,
 * once the hosts are measured, then moves the view by as little as the estimate was off.
 *
 * React Flow reads its default viewport in its first effect, after the canvas's layout effects:
 * the object handed to it is filled in there, once the canvas has a box.
 *
 * @param wrapper - the element React Flow fills
 * @param fit - the canvas fits the diagram at mount
 */
export function useStartView(
  wrapper: RefObject<HTMLElement | null>,
  fit: boolean,
  options: FitOptions,
  minZoom: number,
): Viewport {
  const store = useAppStoreApi();
  const [view] = useState<Viewport>(() => ({ x: 0, y: 0, zoom: 1 }));
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, at mount (React Flow reads it once)
  useLayoutEffect(() => {
    const element = wrapper.current;
    if (!fit || !element) return;
    const { hosts, layout, measured } = store.getState();
    const bounds = hostBounds(hosts, layout, measured, DEFAULT_HOST_SIZE);
    const { width, height } = element.getBoundingClientRect();
    if (!bounds || width === 0 || height === 0) return;
    Object.assign(
      view,
      getViewportForBounds(bounds, width, height, minZoom, options.maxZoom, options.padding),
    );
  }, []);
  return view;
}
