/**
 * The workbook's diagram picture as plain shapes, made from the model (positions, hosts, zones,
 * links and the services their flows carry), never from the page's DOM: cloning a thousand host
 * nodes' computed styles froze the page for minutes (issue 17). Pure: the worker paints it
 * (diagram-paint.ts) and diagram-svg.ts writes it as SVG text.
 */
import type { Catalogue } from '@/domain/catalogue-types';
import type { TopologyDocument } from '@/domain/document';
import { HOST_BOX } from '@/domain/placement';
import type { FlowRow } from '@/domain/rows';
import { zoneColour } from '@/domain/zones/zone-kinds';

/** Longest side of the picture in pixels: the old capture of 1,000 hosts was 8192 px wide. */
export const PICTURE_MAX_SIDE = 4096;

/** Pixels per model unit at most: small diagrams come out sharp, as the old 2× capture did. */
const MAX_SCALE = 2;
/** Model units around the hosts and zones. */
const PADDING = 32;
/** A host name's size in model units; names smaller than `MIN_TEXT_PX` on the picture are left out. */
export const NAME_SIZE = 14;
const MIN_TEXT_PX = 5;
/** A link without flows, as the canvas draws it: grey. */
export const EMPTY_LINK_COLOUR = '#94a3b8';
const UNKNOWN_HOST_COLOUR = '#64748b';

/**
 * The zone palette of src/styles/tokens.css (light theme): the picture is drawn in the worker,
 * away from the page's stylesheets, and always in the light palette like the other pictures.
 */
const ZONE_HEX: Readonly<Record<string, string>> = {
  blue: '#2563eb',
  orange: '#ea580c',
  green: '#16a34a',
  teal: '#0d9488',
  grey: '#64748b',
  purple: '#7c3aed',
  red: '#dc2626',
  yellow: '#ca8a04',
};

export interface SceneBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface SceneHost extends SceneBox {
  readonly name: string;
  /** The first role's colour, as the canvas's far view draws a host. */
  readonly colour: string;
}

export interface SceneZone extends SceneBox {
  readonly name: string;
  readonly colour: string;
}

export interface SceneLink {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** The colours of the services its flows carry, in catalogue order; empty for a link without flows. */
  readonly colours: readonly string[];
}

/** Shapes in model units, moved so the picture starts at (0, 0); `scale` turns them into pixels. */
export interface DiagramScene {
  /** Pixels, each at most the `maxSide` the scene was made for. */
  readonly width: number;
  readonly height: number;
  readonly scale: number;
  /** Host names are drawn (they would be smaller than a few pixels otherwise). */
  readonly names: boolean;
  readonly zones: readonly SceneZone[];
  readonly links: readonly SceneLink[];
  readonly hosts: readonly SceneHost[];
}

export interface SceneInput {
  readonly document: TopologyDocument;
  readonly catalogue: Catalogue;
  /** The matrix rows: which services each link carries (`linkId`, `serviceId`). */
  readonly rows: readonly Pick<FlowRow, 'linkId' | 'serviceId'>[];
}

/** Services per link, each once, in catalogue order, as colours. */
function linkColours(input: SceneInput): Map<string, string[]> {
  const order = new Map(input.catalogue.services.map((s, i) => [s.id, i] as const));
  const byLink = new Map<string, Set<string>>();
  for (const row of input.rows) {
    const set = byLink.get(row.linkId);
    if (set) set.add(row.serviceId);
    else byLink.set(row.linkId, new Set([row.serviceId]));
  }
  const out = new Map<string, string[]>();
  for (const [linkId, services] of byLink) {
    const sorted = [...services].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9));
    out.set(
      linkId,
      sorted.map((id) => input.catalogue.serviceById.get(id)?.color ?? EMPTY_LINK_COLOUR),
    );
  }
  return out;
}

/**
 * The picture of a document: zones with boxes, links between host centres, hosts as boxes with
 * their names, scaled so the longest side is at most `maxSide` pixels.
 *
 * @param input - the document (hosts, links, zones, positions), the catalogue and the matrix rows
 * @param maxSide - the longest side in pixels
 * @returns the scene, or undefined when the document has no hosts
 * @example
 * const scene = diagramScene({ document, catalogue, rows });
 * scene?.width; // ≤ 4096
 */
export function diagramScene(input: SceneInput, maxSide = PICTURE_MAX_SIDE): DiagramScene | undefined {
  const { document } = input;
  if (document.hosts.length === 0) return undefined;
  const boxes = new Map<string, SceneBox>();
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  const grow = (b: SceneBox) => {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  };
  for (const host of document.hosts) {
    const p = document.layout[host.id] ?? { x: 0, y: 0 };
    const box = { x: p.x, y: p.y, width: HOST_BOX.width, height: HOST_BOX.height };
    boxes.set(host.id, box);
    grow(box);
  }
  const zonesWithBoxes = document.zones.filter((z) => z.box !== undefined);
  for (const zone of zonesWithBoxes) grow(zone.box!);
  const left = x0 - PADDING;
  const top = y0 - PADDING;
  const extentX = x1 - x0 + 2 * PADDING;
  const extentY = y1 - y0 + 2 * PADDING;
  const scale = Math.min(MAX_SCALE, maxSide / Math.max(extentX, extentY));
  const move = (b: SceneBox): SceneBox => ({ x: b.x - left, y: b.y - top, width: b.width, height: b.height });

  const zones = zonesWithBoxes.map((zone) => ({
    ...move(zone.box!),
    name: zone.name,
    colour: ZONE_HEX[zoneColour(zone)] ?? ZONE_HEX.grey!,
  }));
  const colours = linkColours(input);
  const links: SceneLink[] = [];
  for (const link of document.links) {
    const a = boxes.get(link.source);
    const b = boxes.get(link.target);
    if (!a || !b) continue;
    links.push({
      x1: a.x - left + a.width / 2,
      y1: a.y - top + a.height / 2,
      x2: b.x - left + b.width / 2,
      y2: b.y - top + b.height / 2,
      colours: colours.get(link.id) ?? [],
    });
  }
  const hosts = document.hosts.map((host) => ({
    ...move(boxes.get(host.id)!),
    name: host.name,
    colour: input.catalogue.roleById.get(host.roles[0] ?? '')?.color ?? UNKNOWN_HOST_COLOUR,
  }));
  return {
    width: Math.max(1, Math.min(maxSide, Math.round(extentX * scale))),
    height: Math.max(1, Math.min(maxSide, Math.round(extentY * scale))),
    scale,
    names: NAME_SIZE * scale >= MIN_TEXT_PX,
    zones,
    links,
    hosts,
  };
}
