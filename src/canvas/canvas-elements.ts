/**
 * The mapping from the document, its derivation and its problems to React Flow nodes and edges.
 * Pure: no React, no hooks. Each function takes the previous result where it keeps objects, so an
 * unchanged host keeps its node object and an unchanged link its edge data (memo'd nodes and edges
 * then skip their renders, and a drag frame only makes React Flow re-adopt the moved hosts).
 */
import type { TFunction } from 'i18next';
import type { Catalogue } from '@/domain/catalogue-types';
import { UNKNOWN_COLOUR } from '@/domain/colours';
import type { Host, Link, Position } from '@/domain/document';
import { besideHosts, type CrowdGrid, crowdGrid } from '@/domain/placement';
import type { ElementStatus, GhostLink, MissingRolePlaceholder } from '@/store/derived';
import type { Size } from '@/store/store-types';
import {
  ANCHOR_HANDLE,
  type GhostEdgeType,
  type HostNodeData,
  type HostNodeType,
  type LinkEdgeType,
  type PlaceholderNodeType,
  ZONE_NODE_PREFIX,
} from './canvas-types';
import type { LinkModel } from './link-model';
import { LINK_ENDS, sentence } from './sentence';

/** Where a host without a position, or a placeholder with no placed host to stand by, goes. */
export const ORIGIN: Position = { x: 0, y: 0 };
const NO_ZONES: ReadonlyMap<string, Position> = new Map();

/**
 * The canvas catalogue in the app's language, for the names nodes and edges give screen readers
 * (`Host P01-MP01`). A caller that switches language passes no `previous`: kept nodes keep their words.
 */
export type CanvasWords = TFunction<'canvas'>;

/** Nodes in document order, and the same nodes by id (the next call's `previous`). */
export interface NodeMap<N> {
  readonly nodes: N[];
  readonly byId: ReadonlyMap<string, N>;
}

/** Findings with the same level and messages draw the same badge, whatever object carries them. */
function sameStatus(a: ElementStatus | undefined, b: ElementStatus | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.level !== b.level || a.count !== b.count) return false;
  return a.messages.length === b.messages.length && a.messages.every((m, i) => sameText(m, b.messages[i]));
}

/** Two findings' messages say the same: equal text, or the same key with the same values (checks make new objects each run). */
function sameText(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What the host nodes are made of. */
export interface HostNodesInput {
  readonly hosts: readonly Host[];
  readonly layout: Readonly<Record<string, Position>>;
  /** Positions of hosts being dragged: React Flow holds them until the drop, before the store does. */
  readonly live: ReadonlyMap<string, Position>;
  readonly measured: Readonly<Record<string, Size>>;
  readonly selectedHostIds: readonly string[];
  readonly statuses: ReadonlyMap<string, ElementStatus>;
  /** The host a dragged role would land on. */
  readonly dropTarget: string | null;
  /**
   * Top-left corner of each drawn zone's box. A host in such a zone is its child node, placed
   * relative to it (React Flow sub flows): moving the zone moves its hosts.
   */
  readonly zoneOrigins?: ReadonlyMap<string, Position>;
  readonly t: CanvasWords;
  /** A first measured size makes a new node too: the overview map draws only nodes with a size. */
  readonly sized?: boolean;
}

/**
 * One node per host; a host whose position, data, selection, size and drop mark are unchanged keeps
 * its node object from `previous`, and its data object while the host and its status are the same.
 * A first size keeps the node unless `sized` (React Flow holds it; a new one re-adopts every host).
 */
export function hostNodes(
  input: HostNodesInput,
  previous: ReadonlyMap<string, HostNodeType>,
): NodeMap<HostNodeType> {
  const { layout, live, measured, statuses, dropTarget, zoneOrigins = NO_ZONES } = input;
  const selected = new Set(input.selectedHostIds);
  const label = sentence(input.t, 'host.label', ['name']);
  const byId = new Map<string, HostNodeType>();
  const nodes = input.hosts.map((host) => {
    const origin = host.zone === undefined ? undefined : zoneOrigins.get(host.zone);
    const old = previous.get(host.id);
    // React Flow holds a dragged host's position relative to its parent already.
    const held = live.get(host.id);
    const absolute = layout[host.id] ?? ORIGIN;
    // Compared as numbers first: an unchanged host allocates nothing (10,000 of them per edit, issue 18).
    const x = held ? held.x : origin ? absolute.x - origin.x : absolute.x;
    const y = held ? held.y : origin ? absolute.y - origin.y : absolute.y;
    const sameParent = old !== undefined && (origin ? isZoneNode(old.parentId, host.zone) : !old.parentId);
    const position =
      old && sameParent && old.position.x === x && old.position.y === y ? old.position : { x, y };
    const status = statuses.get(host.id);
    const data: HostNodeData =
      old && old.data.host === host && sameStatus(old.data.status, status) ? old.data : { host, status };
    const isSelected = selected.has(host.id);
    const size = measured[host.id];
    const className = dropTarget === host.id ? 'is-drop-target' : undefined;
    const node: HostNodeType =
      old &&
      old.position === position &&
      old.data === data &&
      old.selected === isSelected &&
      (old.measured === size || (!input.sized && old.measured === undefined)) &&
      old.className === className
        ? old
        : {
            id: host.id,
            type: 'host',
            position,
            ...(origin ? { parentId: `${ZONE_NODE_PREFIX}${host.zone}` } : {}),
            data,
            selected: isSelected,
            ...(size ? { measured: size } : {}),
            ...(className ? { className } : {}),
            ariaLabel: label(host.name),
          };
    byId.set(host.id, node);
    return node;
  });
  return { nodes, byId };
}

/** Whether `parentId` is the node id of `zone` (compared without making the id: hosts keep theirs). */
function isZoneNode(parentId: string | undefined, zone: string | undefined): boolean {
  return (
    parentId !== undefined &&
    zone !== undefined &&
    parentId.length === ZONE_NODE_PREFIX.length + zone.length &&
    parentId.startsWith(ZONE_NODE_PREFIX) &&
    parentId.endsWith(zone)
  );
}

/** What the placeholder nodes are made of. */
export interface PlaceholderNodesInput {
  readonly placeholders: readonly MissingRolePlaceholder[];
  readonly layout: Readonly<Record<string, Position>>;
  readonly measured: Readonly<Record<string, Size>>;
  /** The catalogue in the app's language (the role's name on the placeholder). */
  readonly catalogue: Catalogue;
  /** An exported image is being made: it shows the document only. */
  readonly capturing: boolean;
  readonly t: CanvasWords;
}

/**
 * A placeholder's place: beside the hosts that need it, where the Problems panel's Fix puts the
 * new host, moved down until it is clear of hosts and of the placeholders placed before it.
 */
function placeholderPosition(
  sources: readonly string[],
  layout: Readonly<Record<string, Position>>,
  taken: CrowdGrid,
): Position {
  const anchors = sources.map((id) => layout[id]).filter((p): p is Position => p !== undefined);
  return anchors.length === 0 ? ORIGIN : besideHosts(anchors, taken);
}

const samePosition = (a: Position | undefined, b: Position) => a !== undefined && a.x === b.x && a.y === b.y;

/**
 * One node per role no host holds. Few, so placed afresh each time; one whose place, size and
 * severity are unchanged keeps its object from `previous`. None while an image is captured.
 */
export function placeholderNodes(
  input: PlaceholderNodesInput,
  previous: ReadonlyMap<string, PlaceholderNodeType>,
): NodeMap<PlaceholderNodeType> {
  const { placeholders, layout, measured, catalogue } = input;
  if (placeholders.length === 0 || input.capturing) return { nodes: [], byId: new Map() };
  const taken = crowdGrid(Object.values(layout));
  const byId = new Map<string, PlaceholderNodeType>();
  const nodes = placeholders.map((p) => {
    const role = catalogue.roleById.get(p.role);
    const position = placeholderPosition(p.sources, layout, taken);
    taken.add(position);
    const size = measured[p.id];
    const old = previous.get(p.id);
    const node: PlaceholderNodeType =
      old && samePosition(old.position, position) && old.measured === size && old.data.severity === p.severity
        ? old
        : {
            id: p.id,
            type: 'placeholder',
            position,
            data: {
              roleName: role?.name ?? p.role,
              abbr: role?.abbr ?? '?',
              color: role?.color ?? UNKNOWN_COLOUR,
              severity: p.severity,
            },
            draggable: false,
            selectable: false,
            connectable: false,
            deletable: false,
            focusable: false,
            ...(size ? { measured: size } : {}),
            ariaLabel: input.t('missing.label', { role: role?.name ?? p.role }),
          };
    byId.set(p.id, node);
    return node;
  });
  return { nodes, byId };
}

/** What the link edges are made of. */
export interface LinkEdgesInput {
  readonly links: readonly Link[];
  readonly hosts: readonly Host[];
  readonly models: ReadonlyMap<string, LinkModel>;
  readonly selectedLinkIds: readonly string[];
  readonly statuses: ReadonlyMap<string, ElementStatus>;
  readonly t: CanvasWords;
}

/**
 * One edge per link that has a model, in link order; an edge keeps its data object from
 * `previous` while its model and status are the same (a selection change re-renders no label).
 */
export function linkEdges(input: LinkEdgesInput, previous: readonly LinkEdgeType[]): LinkEdgeType[] {
  const selected = new Set(input.selectedLinkIds);
  const name = new Map(input.hosts.map((h) => [h.id, h.name]));
  const oldData = new Map(previous.map((e) => [e.id, e.data]));
  const drawn = sentence(input.t, 'link.label', LINK_ENDS);
  const inferred = sentence(input.t, 'link.labelInferred', LINK_ENDS);
  return input.links.flatMap((link) => {
    const model = input.models.get(link.id);
    if (!model) return [];
    const status = input.statuses.get(link.id);
    const old = oldData.get(link.id);
    const data = old && old.model === model && sameStatus(old.status, status) ? old : { model, status };
    return [
      {
        id: link.id,
        source: link.source,
        target: link.target,
        sourceHandle: ANCHOR_HANDLE,
        targetHandle: ANCHOR_HANDLE,
        type: 'link',
        data,
        selected: selected.has(link.id),
        ariaLabel: (link.inferred ? inferred : drawn)(
          name.get(link.source) ?? link.source,
          name.get(link.target) ?? link.target,
        ),
        // Made by an import, not drawn by the user: dashed (edges.css) until the user keeps it.
        ...(link.inferred ? { className: 'is-inferred' } : {}),
      },
    ];
  });
}

/** What the ghost edges are made of. */
export interface GhostEdgesInput {
  readonly ghosts: readonly GhostLink[];
  readonly placeholders: readonly MissingRolePlaceholder[];
  readonly hosts: readonly Host[];
  /** The catalogue in the app's language (the missing role's name). */
  readonly catalogue: Catalogue;
  readonly capturing: boolean;
  readonly t: CanvasWords;
}

/**
 * Missing connections, drawn dashed: not selectable, never in the document, the history or an
 * exported image (none while capturing).
 */
export function ghostEdges(input: GhostEdgesInput): GhostEdgeType[] {
  const { ghosts, catalogue } = input;
  if (ghosts.length === 0 || input.capturing) return [];
  const name = new Map(input.hosts.map((h) => [h.id, h.name]));
  for (const p of input.placeholders)
    name.set(p.id, input.t('missing.end', { role: catalogue.roleById.get(p.role)?.name ?? p.role }));
  return ghosts.map((ghost) => ({
    id: ghost.id,
    source: ghost.source,
    target: ghost.target,
    sourceHandle: ANCHOR_HANDLE,
    targetHandle: ANCHOR_HANDLE,
    type: 'ghost',
    data: { ghost },
    selectable: false,
    deletable: false,
    focusable: false,
    ariaLabel: input.t('missing.linkLabel', {
      source: name.get(ghost.source) ?? ghost.source,
      target: name.get(ghost.target) ?? ghost.target,
    }),
  }));
}
