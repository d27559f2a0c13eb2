import { type ReactFlowState, useStore as useFlowStore } from '@xyflow/react';
import { type ReactNode, useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zoneBoxes } from '@/domain/zones/zone-frames';
import { useProblems } from '@/store/derived';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import { createElementLooks, ElementLooksProvider } from './element-looks';
import { ElementWordsProvider } from './element-words';
import type { Box } from './geometry';
import type { LabelView } from './label-context';
import { LabelLayerProvider } from './label-layer';
import type { LabelPlace } from './label-layout';
import { placeLinkLabels } from './link-labels';
import type { LinkModel } from './link-model';

/**
 * The part of the diagram whose labels are placed when React Flow renders only what is on screen,
 * as a key that changes only when the view crosses a cell: a square a power of two wide, at least
 * as wide as the view. The region is the view's cell and the cells around it, so a pan places
 * labels again only every cell, and a zoom only when it halves or doubles the view.
 */
function regionKey(s: ReactFlowState): string {
  const [tx, ty, zoom] = s.transform;
  const cell = 2 ** Math.ceil(Math.log2(Math.max(s.width, s.height, 1) / zoom));
  return `${cell} ${Math.floor(-tx / zoom / cell)} ${Math.floor(-ty / zoom / cell)}`;
}

function regionOf(key: string): Box | undefined {
  if (key === '') return undefined;
  const [cell, cx, cy] = key.split(' ').map(Number) as [number, number, number];
  return { x: (cx - 1) * cell, y: (cy - 1) * cell, width: 4 * cell, height: 4 * cell };
}

const ALL = () => '';
const NONE = new Map<string, LabelPlace>();
const NO_TITLES: Box[] = [];

export interface LabelLayoutProps {
  /** The links' models, as the canvas draws them. */
  readonly models: ReadonlyMap<string, LinkModel>;
  /** The zoom's label detail and scale. */
  readonly view: LabelView;
  /** React Flow renders only what is on screen: place only the labels around the view. */
  readonly visibleOnly: boolean;
  /** No link is drawn as an edge (the far layer draws them): place no label. */
  readonly paused?: boolean;
  readonly children: ReactNode;
}

/** Height of a zone's title bar (zones.css `.zone-node__title`). */
const ZONE_TITLE_HEIGHT = 30;

/**
 * Places link labels so none overlaps a host or another label (issue 12), and hands each edge its
 * label's place. Placement runs when the layout, the measured sizes, the links, the selection, the
 * findings or the zoom's label detail change, never during a drag (positions reach the document at
 * the drop) or a pan (unless a large diagram's view crosses a region cell). Mount it inside the
 * React Flow provider, around <ReactFlow>. It hands hosts and links their looks
 * (element-looks.ts) and words (element-words.tsx) too.
 */

export function LabelLayoutProvider({
  models,
  view,
  visibleOnly,
  paused = false,
  children,
}: LabelLayoutProps) {
  const hosts = useAppStore((s) => s.hosts);
  const links = useAppStore((s) => s.links);
  const layout = useAppStore((s) => s.layout);
  const measured = useAppStore((s) => s.measured);
  const zones = useAppStore((s) => s.zones);
  // A zone's title bar (name, kind, ranges) stays readable: labels keep clear of it.
  // Not while paused (far view places no label): fitting every zone walks every host.
  const titles = useMemo(
    () =>
      paused || zones.length === 0
        ? NO_TITLES
        : [...zoneBoxes(zones, hosts, layout, measured).values()].map((b) => ({
            ...b,
            height: ZONE_TITLE_HEIGHT,
          })),
    [paused, zones, hosts, layout, measured],
  );
  const selectedLinkIds = useAppStore((s) => s.selectedLinkIds);
  const statuses = useProblems().links;
  const key = useFlowStore(visibleOnly && !paused ? regionKey : ALL);
  const { t } = useTranslation('canvas');
  const noPorts = t('link.noPorts');
  const store = useAppStoreApi();
  const [looks] = useState(() => createElementLooks(store));
  const placed = useMemo(() => {
    if (paused) return NONE;
    const region = regionOf(key);
    return placeLinkLabels({
      hosts,
      links,
      layout,
      measured,
      models,
      selectedLinkIds,
      statuses,
      view,
      obstacles: titles,
      noPorts,
      ...(region ? { region } : {}),
    });
  }, [hosts, links, layout, measured, models, selectedLinkIds, statuses, view, key, titles, paused, noPorts]);
  // Before paint, so a label never shows a frame at its old place.
  useLayoutEffect(() => looks.publishPlaces(placed), [looks, placed]);
  return (
    <ElementLooksProvider value={looks}>
      <LabelLayerProvider>
        <ElementWordsProvider>{children}</ElementWordsProvider>
      </LabelLayerProvider>
    </ElementLooksProvider>
  );
}
