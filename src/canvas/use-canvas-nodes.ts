/**
 * The canvas's nodes from the store: zones (parents first), site bands, hosts and placeholders,
 * in the order React Flow needs (a parent before its children). Each kind keeps its unchanged node
 * objects between renders (see canvas-elements.ts and zone-elements.ts).
 */
import { type MutableRefObject, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Box, Position } from '@/domain/document';
import { DEFAULT_HOST_SIZE } from '@/domain/layout/host-size';
import { columnFor } from '@/domain/layout-column';
import { zoneBoxes } from '@/domain/zones/zone-frames';
import { useHostLookup, useProblems } from '@/store/derived';
import { useAppStore } from '@/store/store-context';
import type { Size } from '@/store/store-types';
import { useWords } from '@/store/use-words';
import { type CanvasWords, hostNodes, placeholderNodes } from './canvas-elements';
import type {
  CanvasNode,
  HostNodeType,
  PlaceholderNodeType,
  SiteNodeType,
  ZoneNodeType,
} from './canvas-types';
import { type FarFrames, farFrames, type MissingFrame } from './far-frames';
import { type ZoneCounts, zoneHostCounts } from './host-changes';
import { placeholderLayout } from './placeholder-layout';
import { type SiteBands, siteBands } from './site-bands';
import { ownBoxes, siteNodes, zoneNodes } from './zone-elements';

/** What React Flow holds during a gesture, before the store has it: positions and zone sizes by node id. */
export interface LiveNodes {
  readonly positions: Map<string, Position>;
  readonly sizes: Map<string, Size>;
}

/** Last call's nodes by id, and the words they were named in (and the list, for hosts). */
interface NodeCache<N> {
  readonly t: CanvasWords | undefined;
  readonly byId: ReadonlyMap<string, N>;
  readonly list?: N[];
}

/** `previous` when `next` holds the same objects in the same order, else `next`. */
function sameList<N>(previous: N[] | undefined, next: N[]): N[] {
  if (!previous || previous.length !== next.length) return next;
  for (let i = 0; i < next.length; i += 1) if (!Object.is(previous[i], next[i])) return next;
  return previous;
}

const NO_NODES: ReadonlyMap<string, never> = new Map<string, never>();
const NO_HOST_NODES: HostNodeType[] = [];
const NO_BOXES: ReadonlyMap<string, Box> = new Map();
const NO_COUNTS: ReadonlyMap<string, number> = new Map();
const NO_ORIGINS: ReadonlyMap<string, Position> = new Map();

/** Whether two records hold the same keys with the same values. */
function sameRecord<T>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>>): boolean {
  if (a === b) return true;
  let n = 0;
  for (const id in b) {
    if (a[id] !== b[id]) return false;
    n += 1;
  }
  return n === Object.keys(a).length;
}

const NO_PLACEHOLDERS: readonly PlaceholderNodeType[] = [];

/** A placeholder as the far layer draws it: its box (as measured, else a host's) and severity. */
const missingFrame = (node: PlaceholderNodeType): MissingFrame => ({
  box: {
    x: node.position.x,
    y: node.position.y,
    width: node.measured?.width ?? DEFAULT_HOST_SIZE.width,
    height: node.measured?.height ?? DEFAULT_HOST_SIZE.height,
  },
  severity: node.data.severity,
});

/** The kept nodes, or none after a language switch (a kept node would keep the old words). */
const kept = <N>(cache: NodeCache<N>, t: CanvasWords): ReadonlyMap<string, N> =>
  cache.t === t ? cache.byId : NO_NODES;

/** The nodes, and the caches the change handler reads to tell a node's kind by id. */
export interface CanvasNodes {
  readonly nodes: CanvasNode[];
  readonly placeholderIds: MutableRefObject<ReadonlyMap<string, PlaceholderNodeType>>;
  /** The zones and site bands for the far layer, when it draws them (`frames`). */
  readonly frames: FarFrames | undefined;
}

/**
 * Builds the canvas's nodes.
 *
 * @param live - positions and sizes React Flow holds during a drag or resize
 * @param dropTarget - the host a dragged role would land on
 * @param far - the far layer draws the hosts: React Flow gets only the selected ones (far-layer.tsx
 *   hides them), so Delete and a click on the pane still reach them, and no edit walks every host
 * @param frames - the far layer draws the zones and site bands too (very far): React Flow gets none,
 *   and the selected hosts it gets are placed on the canvas, not in their zones
 */
export function useCanvasNodes(
  live: MutableRefObject<LiveNodes>,
  dropTarget: string | null,
  {
    far = false,
    sized = false,
    frames: framesFar = false,
  }: { far?: boolean; sized?: boolean; frames?: boolean } = {},
): CanvasNodes {
  // Names people read (site types, missing roles) come from the catalogue in the app's language.
  const { catalogue } = useWords();
  const { t } = useTranslation('canvas');
  const problems = useProblems();
  const lookup = useHostLookup();
  const hosts = useAppStore((s) => s.hosts);
  const zones = useAppStore((s) => s.zones);
  const layout = useAppStore((s) => s.layout);
  const measured = useAppStore((s) => s.measured);
  const selectedHostIds = useAppStore((s) => s.selectedHostIds);
  const selectedZoneIds = useAppStore((s) => s.selectedZoneIds);
  const capturing = useAppStore((s) => s.capturing);
  const column = useAppStore((s) => s.layoutColumn);

  // Zones with their own box need no hosts: then an edit of a host re-fits no zone (issue 18).
  const own = useMemo(() => ownBoxes(zones), [zones]);
  const fitted = useMemo(
    () => (own ? undefined : zoneBoxes(zones, hosts, layout, measured)),
    [own, zones, hosts, layout, measured],
  );
  const boxes = own ?? fitted ?? NO_BOXES;
  const zoneOrigins = useMemo(() => {
    const origins = new Map<string, Position>();
    for (const [id, box] of boxes) origins.set(id, { x: box.x, y: box.y });
    return origins;
  }, [boxes]);

  const noZones = zones.length === 0;
  // Re-counted only for the hosts an edit replaced (host-changes.ts).
  const counted = useRef<ZoneCounts | undefined>(undefined);
  const hostCounts = useMemo(() => {
    if (noZones) return NO_COUNTS;
    counted.current = zoneHostCounts(hosts, counted.current);
    return counted.current.counts;
  }, [noZones, hosts]);

  const zoneCache = useRef<NodeCache<ZoneNodeType>>({ t: undefined, byId: NO_NODES });
  const zoneList = useMemo(() => {
    if (zones.length === 0 || framesFar) return [];
    const next = zoneNodes(
      {
        zones,
        boxes,
        selectedZoneIds,
        live: live.current.positions,
        liveSizes: live.current.sizes,
        hostCounts,
        t,
      },
      kept(zoneCache.current, t),
    );
    zoneCache.current = { t, byId: next.byId };
    return next.nodes;
  }, [framesFar, zones, boxes, selectedZoneIds, hostCounts, live, t]);

  const siteCache = useRef<NodeCache<SiteNodeType>>({ t: undefined, byId: NO_NODES });
  // Bands re-framed only for the sites an edit touched (site-bands.ts).
  const bands = useRef<SiteBands | undefined>(undefined);
  const siteFrames = useMemo(() => {
    const xy = columnFor(column, hosts, layout);
    bands.current = siteBands({ hosts, layout, measured, xy }, bands.current);
    return bands.current.frames;
  }, [hosts, layout, measured, column]);
  const siteList = useMemo(() => {
    if (framesFar) return [];
    const next = siteNodes({ frames: siteFrames, boxes, catalogue, t }, kept(siteCache.current, t));
    siteCache.current = { t, byId: next.byId };
    return next.nodes;
  }, [framesFar, siteFrames, boxes, catalogue, t]);

  // Unchanged hosts keep their node object, so a drag frame only makes React Flow re-adopt the moved ones.
  const hostCache = useRef<NodeCache<HostNodeType>>({ t: undefined, byId: NO_NODES });
  const hostList = useMemo(() => {
    const input = {
      hosts,
      layout,
      live: live.current.positions,
      measured,
      selectedHostIds,
      statuses: problems.hosts,
      dropTarget,
      zoneOrigins,
      t,
      sized,
    };
    if (far) {
      // Only the selected hosts; the cache stays as near view left it, so zooming in remakes only what changed.
      if (selectedHostIds.length === 0) return NO_HOST_NODES;
      // Found by id, in document order (no walk over every host).
      const at = [...new Set(selectedHostIds.map((id) => lookup.positions.get(id)))]
        .filter((i): i is number => i !== undefined)
        .sort((a, b) => a - b);
      // With no zone nodes to sit in, they are placed on the canvas itself (and not kept: near view remakes them).
      const shown = at.map((i) => hosts[i]!);
      if (framesFar) return hostNodes({ ...input, hosts: shown, zoneOrigins: NO_ORIGINS }, NO_NODES).nodes;
      return hostNodes({ ...input, hosts: shown }, kept(hostCache.current, t)).nodes;
    }
    const next = hostNodes(input, kept(hostCache.current, t));
    // The same list while every node is (the hosts' first sizes at mount): React Flow adopts nothing.
    const list = sameList(hostCache.current.t === t ? hostCache.current.list : undefined, next.nodes);
    hostCache.current = { t, byId: next.byId, list };
    return list;
  }, [
    far,
    framesFar,
    hosts,
    lookup,
    layout,
    measured,
    selectedHostIds,
    problems.hosts,
    dropTarget,
    zoneOrigins,
    live,
    t,
    sized,
  ]);

  // Placeholders for roles no host holds, placed with the layout.
  const placeholderIds = useRef<ReadonlyMap<string, PlaceholderNodeType>>(new Map());
  const placeholderLanguage = useRef<CanvasWords | undefined>(undefined);
  // The positions the places depend on: the same object while those stay, so moving a host
  // elsewhere re-places no placeholder.
  const cutLayout = useRef<Readonly<Record<string, Position>> | undefined>(undefined);
  const placing = useMemo(() => {
    if (problems.placeholders.length === 0) return layout;
    const xy = columnFor(column, hosts, layout);
    const next = placeholderLayout(problems.placeholders, layout, xy && { hosts, xy });
    if (cutLayout.current && sameRecord(cutLayout.current, next)) return cutLayout.current;
    cutLayout.current = next;
    return next;
  }, [problems.placeholders, layout, hosts, column]);
  const placeholders = useMemo(() => {
    const next = placeholderNodes(
      {
        placeholders: problems.placeholders,
        layout: placing,
        measured,
        catalogue,
        capturing,
        t,
      },
      // A language switch brings a new catalogue: the names are made afresh.
      placeholderLanguage.current === t ? placeholderIds.current : NO_NODES,
    );
    placeholderLanguage.current = t;
    placeholderIds.current = next.byId;
    return next.nodes;
  }, [problems.placeholders, placing, measured, catalogue, capturing, t]);

  // Very far, the far layer draws the placeholders too, as markers that stay in sight.
  const frames = useMemo(
    () => (framesFar ? farFrames(zones, boxes, siteFrames, placeholders.map(missingFrame)) : undefined),
    [framesFar, zones, boxes, siteFrames, placeholders],
  );

  const nodes = useMemo<CanvasNode[]>(() => {
    const shown = framesFar ? NO_PLACEHOLDERS : placeholders;
    if (zoneList.length === 0 && siteList.length === 0 && shown.length === 0) return hostList;
    return [...zoneList, ...siteList, ...hostList, ...shown];
  }, [framesFar, zoneList, siteList, hostList, placeholders]);
  return { nodes, placeholderIds, frames };
}
