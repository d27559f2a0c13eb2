import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Size } from '@/store/app-store';
import { boxAt, floatingSegment, type Segment } from './geometry';
import type { LabelPlace } from './label-layout';
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

/**
 * Where each link label sits (label-layout.ts), as a small store each edge reads its own entry
 * from: a new placement re-renders only the edges whose place changed, not every edge (as a
 * context value would on each selection).
 */
export interface LabelPlaces {
  get(id: string): LabelPlace | undefined;
  subscribe(listener: () => void): () => void;
}

/** A place store and the way to fill it; an entry that did not change keeps its object. */
export function createLabelPlaces(): LabelPlaces & { publish(next: ReadonlyMap<string, LabelPlace>): void } {
  let places: ReadonlyMap<string, LabelPlace> = new Map();
  const listeners = new Set<() => void>();
  return {
    get: (id) => places.get(id),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    publish(next) {
      const kept = new Map<string, LabelPlace>();
      for (const [id, place] of next) {
        const old = places.get(id);
        kept.set(id, old && old.t === place.t && old.hidden === place.hidden ? old : place);
      }
      places = kept;
      for (const listener of listeners) listener();
    },
  };
}

/** No placement (no provider): every label sits at its link's preferred spot, as before issue 12. */
const NO_PLACES: LabelPlaces = { get: () => undefined, subscribe: () => () => {} };

export const LabelPlacesContext = createContext<LabelPlaces>(NO_PLACES);

/** Where this link's label sits, or undefined when it is not placed (its preferred spot, shown). */
export function useLabelPlace(id: string): LabelPlace | undefined {
  const places = useContext(LabelPlacesContext);
  const get = () => places.get(id);
  return useSyncExternalStore(places.subscribe, get, get);
}
