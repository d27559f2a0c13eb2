import { createContext, useContext } from 'react';
import type { Size } from '@/store/app-store';
import { boxAt, floatingSegment, type Segment } from './geometry';
import type { LabelDetail } from './link-model';

/** Space between a host's border and the end of a link (and its arrowhead). */
export const EDGE_GAP = 4;

/** How link labels draw right now; one value for every edge, set by the canvas. */
export interface LabelView {
  readonly detail: LabelDetail;
  readonly scale: number;
}

/**
 * Link labels read the zoom-dependent detail from here rather than each subscribing to the view:
 * thousands of edges with their own selectors cost time on every pan and drag frame.
 */
export const LabelViewContext = createContext<LabelView>({ detail: 'full', scale: 1 });

export function useLabelView(): LabelView {
  return useContext(LabelViewContext);
}

/** Measured host sizes by id (changes only when a host is measured, never during a drag). */
export const HostSizesContext = createContext<Readonly<Record<string, Size>>>({});

export function useHostSizes(): Readonly<Record<string, Size>> {
  return useContext(HostSizesContext);
}

/** Where an edge between two hosts runs: border to border, or undefined until both are measured. */
export function useEdgeSegment(
  source: string,
  target: string,
  sourceX: number,
  sourceY: number,
  targetX: number,
  targetY: number,
): Segment | undefined {
  const sizes = useHostSizes();
  const sourceBox = boxAt(sourceX, sourceY, sizes[source]);
  const targetBox = boxAt(targetX, targetY, sizes[target]);
  return sourceBox && targetBox ? floatingSegment(sourceBox, targetBox, EDGE_GAP) : undefined;
}
