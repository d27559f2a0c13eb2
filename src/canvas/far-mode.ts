/**
 * When the canvas is in far view (far-layer.tsx): from the zoom, the diagram's size and whether a
 * fit is on its way, for the hosts (`far`) and for the zones and site bands (`tiny`).
 */
import { useStore as useFlowStore } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Host } from '@/domain/document';
import { useAppStore } from '@/store/store-context';
import { FAR_HOSTS_ABOVE, FAR_ZOOM, farCapable, TINY_ZOOM } from './far-layer';

/** How far out the view is: 0 near, 1 far (below FAR_ZOOM), 2 very far (below TINY_ZOOM). */
export type ZoomBand = 0 | 1 | 2;

/**
 * Whether the far layer draws the hosts (`far`): a large diagram seen from far, or about to be
 * fitted (a document just opened is fitted a frame after it is drawn; until then the zoom is the old
 * one's); a diagram of some hundreds of hosts seen from very far, or fitted as the canvas mounts.
 * And whether it draws the zones and site bands too (`tiny`): while far, very far or fitting. Pure.
 *
 * @param hostCount - hosts in the document
 * @param band - how far out the view is
 * @param fitting - a fit of the whole diagram is on its way
 * @param mounting - the fit at the canvas's mount is on its way (no host is mounted yet)
 * @example
 * farState(3000, 1, false, false); // { far: true, tiny: false }: zones are nodes at zoom 0.2
 */
export function farState(
  hostCount: number,
  band: ZoomBand,
  fitting: boolean,
  mounting = fitting,
): { far: boolean; tiny: boolean } {
  // A later fit of a diagram already mounted keeps its hosts: hiding them would mount them again.
  const far =
    hostCount > FAR_HOSTS_ABOVE ? band > 0 || fitting : farCapable(hostCount) && (band === 2 || mounting);
  return { far, tiny: far && (band === 2 || fitting) };
}

/** {@link farState} at React Flow's zoom. */
function useFarView(hostCount: number, fitting: boolean, mounting: boolean) {
  // One number, so a zoom step inside a band renders nothing.
  const band = useFlowStore(
    (s): ZoomBand => (s.transform[2] < TINY_ZOOM ? 2 : s.transform[2] < FAR_ZOOM ? 1 : 0),
  );
  return farState(hostCount, band, fitting, mounting);
}

/** How long a fit of a document just opened may take before the zoom alone decides again. */
const FIT_SETTLES_MS = 3000;

/**
 * Far view, and what the canvas calls when the view stops moving. A document just opened (its fit
 * request) or, with `fitAtMount`, the first one counts as far until its fit ends, so its hosts never
 * mount at the old zoom before the view zooms out; `awaitingFit` says so (the far layer waits for
 * the fit before it paints them).
 *
 * @param hosts - the document's hosts
 * @param fitAtMount - the canvas fits the view when it mounts
 */
export function useFarMode(
  hosts: readonly Host[],
  fitAtMount: boolean,
): { far: boolean; tiny: boolean; settle: () => void; awaitingFit: boolean } {
  const fitRequest = useAppStore((s) => s.fitRequest);
  const [settled, setSettled] = useState(() => (fitAtMount ? -1 : fitRequest));
  // The hosts when the view last settled: a fit of other hosts (a document opened in place of the
  // last one) mounts them afresh, as at the canvas's mount; a tidy or a merge keeps the first host's id.
  const settledHosts = useRef<readonly Host[]>(fitAtMount ? [] : hosts);
  const fitting = settled !== fitRequest;
  const mounting = fitting && (settled === -1 || hosts[0]?.id !== settledHosts.current[0]?.id);
  const hostCount = hosts.length;
  const current = useRef(hosts);
  current.current = hosts;
  const settle = useCallback(() => {
    settledHosts.current = current.current;
    setSettled(fitRequest);
  }, [fitRequest]);
  useEffect(() => {
    if (!fitting) return;
    // A fit that moves nothing ends no move: the zoom decides after a while anyway.
    const id = setTimeout(settle, FIT_SETTLES_MS);
    return () => clearTimeout(id);
  }, [fitting, settle]);
  return { ...useFarView(hostCount, fitting, mounting), settle, awaitingFit: mounting };
}
