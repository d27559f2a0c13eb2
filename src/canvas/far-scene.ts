/**
 * What the far layer (far-layer.tsx) draws, as flat typed arrays made once per change of the
 * document, so a repaint per pan frame walks numbers only. Pure: no React, no DOM.
 */
import type { Catalogue } from '@/domain/catalogue-types';
import { UNKNOWN_COLOUR } from '@/domain/colours';
import type { Host, Link, Position } from '@/domain/document';
import type { Size } from '@/store/store-types';

/** Hosts (sorted by role colour) and links (pairs of host indexes into the arrays). */
export interface FarScene {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly w: Float64Array;
  readonly h: Float64Array;
  /** Index into `colours` of each host's first role. */
  readonly colour: Int32Array;
  readonly colours: readonly string[];
  /** Source and target index of each link, one after the other. */
  readonly links: Int32Array;
  /** Indexes of the selected hosts. */
  readonly selected: readonly number[];
}

/** What a far scene is made of. */
export interface FarSceneInput {
  readonly hosts: readonly Host[];
  readonly links: readonly Link[];
  readonly layout: Readonly<Record<string, Position>>;
  readonly measured: Readonly<Record<string, Size>>;
  readonly selectedHostIds: readonly string[];
  readonly catalogue: Catalogue;
  /** A host's size before it is measured. */
  readonly size: Size;
}

const ORIGIN: Position = { x: 0, y: 0 };

/**
 * The far layer's scene: every host's box (measured size, else `size`) and colour, every link.
 *
 * @param input - hosts, links, positions, sizes, selection and the catalogue for role colours
 * @returns typed arrays of boxes sorted by colour, and links as index pairs
 * @example
 * farScene({ hosts, links, layout, measured: {}, selectedHostIds: [], catalogue, size: { width: 172, height: 64 } });
 */
export function farScene(input: FarSceneInput): FarScene {
  const { layout, measured, catalogue, size } = input;
  const colours: string[] = [];
  const colourIndex = new Map<string, number>();
  const colourOf = (host: Host) => {
    const c = catalogue.roleById.get(host.roles[0] ?? '')?.color ?? UNKNOWN_COLOUR;
    let i = colourIndex.get(c);
    if (i === undefined) {
      i = colours.length;
      colours.push(c);
      colourIndex.set(c, i);
    }
    return i;
  };
  const n = input.hosts.length;
  const keyed = input.hosts.map((host) => ({ host, c: colourOf(host) }));
  keyed.sort((a, b) => a.c - b.c);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const w = new Float64Array(n);
  const h = new Float64Array(n);
  const colour = new Int32Array(n);
  const index = new Map<string, number>();
  keyed.forEach(({ host, c }, i) => {
    const p = layout[host.id] ?? ORIGIN;
    const s = measured[host.id] ?? size;
    x[i] = p.x;
    y[i] = p.y;
    w[i] = s.width;
    h[i] = s.height;
    colour[i] = c;
    index.set(host.id, i);
  });
  const pairs: number[] = [];
  for (const link of input.links) {
    const a = index.get(link.source);
    const b = index.get(link.target);
    if (a !== undefined && b !== undefined) pairs.push(a, b);
  }
  const selected = input.selectedHostIds.flatMap((id) => {
    const i = index.get(id);
    return i === undefined ? [] : [i];
  });
  return { x, y, w, h, colour, colours, links: Int32Array.from(pairs), selected };
}

/**
 * The box around all hosts (measured size, else `size`), or undefined when there are none.
 *
 * @example
 * hostBounds([{ id: 'a', … }], { a: { x: 10, y: 20 } }, {}, { width: 172, height: 64 }); // { x: 10, y: 20, width: 172, height: 64 }
 */
export function hostBounds(
  hosts: readonly Host[],
  layout: Readonly<Record<string, Position>>,
  measured: Readonly<Record<string, Size>>,
  size: Size,
): { x: number; y: number; width: number; height: number } | undefined {
  if (hosts.length === 0) return undefined;
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const host of hosts) {
    const p = layout[host.id] ?? ORIGIN;
    const s = measured[host.id] ?? size;
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x + s.width);
    y1 = Math.max(y1, p.y + s.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
