/**
 * Zones and sites as React Flow nodes (issue 12). Pure like canvas-elements.ts: a zone is a parent
 * node that holds its hosts (and nested zones) with positions relative to it; a site is a band
 * behind its hosts, a child of the zone it sits in so it moves with it. Zones sit below hosts and
 * links (negative z), sites below zones' children, and neither is ever elevated on selection.
 */
import type { Catalogue } from '@/domain/catalogue-types';
import type { Box, Position, Zone } from '@/domain/document';
import type { SiteFrame } from '@/domain/zones/site-frames';
import { zoneColour } from '@/domain/zones/zone-kinds';
import { parentsFirst } from '@/domain/zones/zone-tree';
import type { Size } from '@/store/store-types';
import type { CanvasWords, NodeMap } from './canvas-elements';
import { SITE_NODE_PREFIX, type SiteNodeType, ZONE_NODE_PREFIX, type ZoneNodeType } from './canvas-types';

/** z of a top-level zone; a nested zone is one above its parent, all below hosts and links (z 0). */
const ZONE_Z = -100;
/** z of a site band: React Flow lifts a child to its parent's z + 1, so it lands just above its zone. */
const SITE_Z = -200;

/**
 * Every zone's own box, or undefined when a zone has none (then zoneBoxes fits it around its
 * hosts). The same boxes zoneBoxes gives when every zone has one, without reading a host.
 */
export function ownBoxes(zones: readonly Zone[]): Map<string, Box> | undefined {
  const boxes = new Map<string, Box>();
  for (const zone of zones) {
    if (zone.box === undefined) return undefined;
    boxes.set(zone.id, zone.box);
  }
  return boxes;
}

/** What the zone nodes are made of. */
export interface ZoneNodesInput {
  readonly zones: readonly Zone[];
  /** The box of every zone as drawn (zoneBoxes in src/domain/zones/zone-frames.ts). */
  readonly boxes: ReadonlyMap<string, Box>;
  readonly selectedZoneIds: readonly string[];
  /** Positions (relative to the parent) of zones being dragged or resized, held by React Flow until the drop. */
  readonly live: ReadonlyMap<string, Position>;
  /** Sizes of zones being resized. */
  readonly liveSizes: ReadonlyMap<string, Size>;
  /** Hosts per zone id. */
  readonly hostCounts: ReadonlyMap<string, number>;
  readonly t: CanvasWords;
}

/**
 * One node per zone, parents first; a zone whose box, fields, selection and count are unchanged
 * keeps its node object from `previous`.
 *
 * @param input - zones, their boxes, selection and what is being dragged
 * @param previous - the last call's nodes by id
 * @returns the nodes in the order React Flow needs (each parent before its children)
 */
export function zoneNodes(
  input: ZoneNodesInput,
  previous: ReadonlyMap<string, ZoneNodeType>,
): NodeMap<ZoneNodeType> {
  const { boxes, live, liveSizes, hostCounts } = input;
  const selected = new Set(input.selectedZoneIds);
  const byId = new Map<string, ZoneNodeType>();
  const depth = new Map<string, number>();
  const nodes: ZoneNodeType[] = [];
  for (const zone of parentsFirst(input.zones)) {
    const box = boxes.get(zone.id);
    if (!box) continue;
    const parentBox = zone.parent === undefined ? undefined : boxes.get(zone.parent);
    const d = parentBox ? (depth.get(zone.parent as string) ?? 0) + 1 : 0;
    depth.set(zone.id, d);
    const id = `${ZONE_NODE_PREFIX}${zone.id}`;
    const parentId = parentBox ? `${ZONE_NODE_PREFIX}${zone.parent}` : undefined;
    const wanted =
      live.get(id) ??
      (parentBox ? { x: box.x - parentBox.x, y: box.y - parentBox.y } : { x: box.x, y: box.y });
    const size = liveSizes.get(id) ?? { width: box.width, height: box.height };
    const old = previous.get(id);
    const colour = zoneColour(zone);
    const hostCount = hostCounts.get(zone.id) ?? 0;
    const isSelected = selected.has(zone.id);
    const same =
      old &&
      old.parentId === parentId &&
      old.position.x === wanted.x &&
      old.position.y === wanted.y &&
      old.width === size.width &&
      old.height === size.height &&
      old.data.zone === zone &&
      old.data.hostCount === hostCount &&
      old.selected === isSelected;
    const node: ZoneNodeType = same
      ? old
      : {
          id,
          type: 'zone',
          position: wanted,
          ...(parentId ? { parentId } : {}),
          width: size.width,
          height: size.height,
          zIndex: ZONE_Z + d,
          data: { zone, colour, hostCount },
          selected: isSelected,
          // Dragged by its title bar: inside the box, a drag selects hosts as on the empty canvas.
          dragHandle: '.zone-node__title',
          connectable: false,
          className: `zone-node-wrapper zone--${colour}`,
          ariaLabel: input.t('zone.label', { name: zone.name }),
        };
    byId.set(id, node);
    nodes.push(node);
  }
  return { nodes, byId };
}

/** What the site bands are made of. */
export interface SiteNodesInput {
  readonly frames: readonly SiteFrame[];
  readonly boxes: ReadonlyMap<string, Box>;
  /** The catalogue in the app's language (the site type's name). */
  readonly catalogue: Catalogue;
  readonly t: CanvasWords;
}

/** The catalogue's name of a site type (`Primary site`), read from the site server's role option. */
function siteTypeName(catalogue: Catalogue, siteType: string | undefined): string | undefined {
  if (!siteType) return undefined;
  for (const option of catalogue.roleOptions) {
    const value = option.values?.find((v) => v.id === siteType);
    if (option.id === 'siteType' && value) return value.label;
  }
  return undefined;
}

/**
 * One band per site, a child of the zone it sits in; unchanged bands keep their node object.
 *
 * @param input - the site frames, zone boxes and the catalogue (for the site type's name)
 * @param previous - the last call's nodes by id
 */
export function siteNodes(
  input: SiteNodesInput,
  previous: ReadonlyMap<string, SiteNodeType>,
): NodeMap<SiteNodeType> {
  const byId = new Map<string, SiteNodeType>();
  const nodes: SiteNodeType[] = [];
  for (const frame of input.frames) {
    const id = `${SITE_NODE_PREFIX}${frame.code}`;
    const zoneBox = frame.zone === undefined ? undefined : input.boxes.get(frame.zone);
    const parentId = zoneBox ? `${ZONE_NODE_PREFIX}${frame.zone}` : undefined;
    const position = zoneBox
      ? { x: frame.box.x - zoneBox.x, y: frame.box.y - zoneBox.y }
      : { x: frame.box.x, y: frame.box.y };
    const typeName = siteTypeName(input.catalogue, frame.siteType);
    const old = previous.get(id);
    const same =
      old &&
      old.parentId === parentId &&
      old.position.x === position.x &&
      old.position.y === position.y &&
      old.width === frame.box.width &&
      old.height === frame.box.height &&
      old.data.typeName === typeName &&
      old.data.parentSite === frame.parentSite;
    const node: SiteNodeType = same
      ? old
      : {
          id,
          type: 'site',
          position,
          ...(parentId ? { parentId } : {}),
          width: frame.box.width,
          height: frame.box.height,
          zIndex: SITE_Z,
          data: { code: frame.code, typeName, parentSite: frame.parentSite },
          draggable: false,
          selectable: false,
          connectable: false,
          deletable: false,
          focusable: false,
          ariaLabel: input.t('site.label', { code: frame.code }),
        };
    byId.set(id, node);
    nodes.push(node);
  }
  return { nodes, byId };
}
