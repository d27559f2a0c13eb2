/**
 * What the far layer (far-layer.tsx) draws, as flat typed arrays made once per change of the
 * document, so a repaint per pan frame walks numbers only. Pure: no React, no DOM.
 */
import type { Catalogue } from '@/domain/catalogue-types';
import { UNKNOWN_COLOUR } from '@/domain/colours';
import type { Host, Link, Position } from '@/domain/document';
import { endsFor, type LinkPlaces } from '@/domain/link-places';
import { startsWith } from '@/domain/list-scan';
import type { Size } from '@/store/store-types';
import { ORIGIN } from './canvas-elements';
import { changedHosts } from './host-changes';
import { measuredSizes } from './measured-sizes';

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
  /** What it was made from, so the next scene can keep what did not change. */
  readonly made: Made;
}

/** The parts of a scene the next one can reuse, and what they were made from. */
interface Made {
  /** The hosts (their ids, in order, place the arrays) and catalogue the colours were read from. */
  readonly hosts: readonly Host[];
  readonly catalogue: Catalogue;
  /** Each host's colour, in document order. */
  readonly hostColours: Int32Array;
  readonly colourIndex: ReadonlyMap<string, number>;
  /** Host id to its index in the arrays, made when first asked for. */
  readonly index: HostIndex;
  /** Each host's index in the arrays, in document order. */
  readonly slot: Int32Array;
  readonly layout: FarSceneInput['layout'];
  readonly measured: FarSceneInput['measured'];
  readonly linkList: FarSceneInput['links'];
}

/** What a far scene is made of. */
export interface FarSceneInput {
  readonly hosts: readonly Host[];
  readonly links: readonly Link[];
  readonly layout: Readonly<Record<string, Position>>;
  readonly measured: Readonly<Record<string, Size>>;
  readonly selectedHostIds: readonly string[];
  readonly catalogue: Catalogue;
  /** Where the links' ends are in `hosts`, when known for these lists. */
  readonly places?: LinkPlaces | null | undefined;
  /** The hosts' positions in host order, when known for these hosts and layout (layout-column.ts). */
  readonly xy?: Float64Array | undefined;
  /** A host's size before it is measured. */
  readonly size: Size;
}

/**
 * Each host's colour index (new colours appended to `colours`), in document order; a host that is
 * the same object as in the last scene (same catalogue) keeps its index without a catalogue lookup.
 */
function colourIndexes(
  input: FarSceneInput,
  colours: string[],
  colourIndex: Map<string, number>,
  old: Made | undefined,
): Int32Array {
  const out = new Int32Array(input.hosts.length);
  const last = old && old.catalogue === input.catalogue ? old.hosts : undefined;
  input.hosts.forEach((host, i) => {
    if (last && Object.is(last[i], host)) {
      out[i] = old!.hostColours[i]!;
      return;
    }
    const c = input.catalogue.roleById.get(host.roles[0] ?? '')?.color ?? UNKNOWN_COLOUR;
    let k = colourIndex.get(c);
    if (k === undefined) {
      k = colours.length;
      colours.push(c);
      colourIndex.set(c, k);
    }
    out[i] = k;
  });
  return out;
}

/** Whether the hosts are the same ids in the same order as `before`. */
function sameIds(hosts: readonly Host[], before: readonly Host[]): boolean {
  if (hosts.length !== before.length) return false;
  for (let i = 0; i < hosts.length; i += 1) if (hosts[i]!.id !== before[i]!.id) return false;
  return true;
}

/** Ids looked up by a walk of the hosts before a map of them all is made. */
const WALKS = 16;

/**
 * Host id to index in the arrays. An open whose link places are known, with nothing selected, asks
 * nothing (a map of 100,000 ids for nothing); an edit that appends a link asks two ids, found by a
 * walk; the map is made only once more are asked.
 */
class HostIndex {
  private made: Map<string, number> | undefined;
  private walks = 0;
  constructor(
    private readonly hosts: readonly Host[],
    private readonly slot: Int32Array,
  ) {}

  /** The index in the arrays of the last host with this id (as a map made in order holds). */
  place(id: string): number | undefined {
    const { hosts } = this;
    if (!this.made && this.walks < WALKS) {
      this.walks += 1;
      for (let i = hosts.length - 1; i >= 0; i -= 1) if (hosts[i]!.id === id) return this.slot[i];
      return undefined;
    }
    if (!this.made) {
      const made = new Map<string, number>();
      for (let i = 0; i < hosts.length; i += 1) made.set(hosts[i]!.id, this.slot[i]!);
      this.made = made;
    }
    return this.made.get(id);
  }

  /** The index of `hosts`, the same ids in the same order: this one once made, else one that holds no old host. */
  of(hosts: readonly Host[]): HostIndex {
    return this.made ? this : new HostIndex(hosts, this.slot);
  }
}

/** Each host's place when sorted by colour (stable: document order within a colour). */
function slotsByColour(colour: Int32Array, colourCount: number): Int32Array {
  const start = new Int32Array(colourCount + 1);
  // Indexed loops here and below: they run once on opening a large document, before they could be
  // optimised, and an iterator's step is then an object per host.
  for (let i = 0; i < colour.length; i += 1) start[colour[i]! + 1]! += 1;
  for (let c = 0; c < colourCount; c += 1) start[c + 1]! += start[c]!;
  const slot = new Int32Array(colour.length);
  for (let i = 0; i < colour.length; i += 1) slot[i] = start[colour[i]!]!++;
  return slot;
}

/**
 * Source and target index of each link whose hosts exist; given the pairs of `oldLinks` (made
 * with the same host index), the same pairs, or those pairs and the appended links' pairs.
 */
function linkPairs(
  links: readonly Link[],
  index: HostIndex,
  oldLinks: readonly Link[] | undefined,
  oldPairs: Int32Array | undefined,
): Int32Array {
  if (oldLinks === links && oldPairs) return oldPairs;
  const from = oldLinks && oldPairs && startsWith(links, oldLinks) ? oldLinks.length : 0;
  const pairs = new Int32Array((from > 0 ? oldPairs!.length : 0) + (links.length - from) * 2);
  let m = 0;
  if (from > 0) {
    pairs.set(oldPairs!);
    m = oldPairs!.length;
  }
  for (let i = from; i < links.length; i += 1) {
    const a = index.place(links[i]!.source);
    const b = index.place(links[i]!.target);
    if (a === undefined || b === undefined) continue;
    pairs[m++] = a;
    pairs[m++] = b;
  }
  return m === pairs.length ? pairs : pairs.slice(0, m);
}

/** The link pairs from the places of their ends (every end names a host): no id looked up. */
function placedPairs(ends: Int32Array, slot: Int32Array): Int32Array {
  const pairs = new Int32Array(ends.length);
  for (let k = 0; k < ends.length; k += 1) pairs[k] = slot[ends[k]!]!;
  return pairs;
}

/**
 * The far layer's scene: every host's box (measured size, else `size`) and colour, every link.
 * Given the previous scene, keeps what did not change: the order and index of the hosts when
 * their ids and colours are the same, the boxes when positions and sizes are, the link pairs
 * when the links are (an edit at 10,000 hosts then walks arrays instead of sorting and mapping).
 *
 * @param input - hosts, links, positions, sizes, selection and the catalogue for role colours
 * @param previous - the last scene made, if any
 * @returns typed arrays of boxes sorted by colour, and links as index pairs
 * @example
 * farScene({ hosts, links, layout, measured: {}, selectedHostIds: [], catalogue, size: { width: 172, height: 64 } });
 */
export function farScene(input: FarSceneInput, previous?: FarScene): FarScene {
  const { hosts, layout, measured, size, xy } = input;
  const old = previous?.made;
  const colours = previous ? [...previous.colours] : [];
  const colourIndex = new Map(old?.colourIndex ?? []);
  const hostColours = colourIndexes(input, colours, colourIndex, old);
  const keep =
    previous !== undefined &&
    old !== undefined &&
    sameIds(hosts, old.hosts) &&
    hostColours.every((c, i) => c === old.hostColours[i]);
  const n = hosts.length;
  const slot = keep ? old.slot : slotsByColour(hostColours, colours.length);
  const index = keep ? old.index.of(hosts) : new HostIndex(hosts, slot);
  const boxesKept = keep && old.layout === layout && old.measured === measured;
  let { x, y, w, h, colour } = previous ?? {};
  // Moved or resized hosts: only their boxes are written again, into copies.
  const moved =
    keep && !boxesKept && x && y && w && h
      ? changedHosts(
          { hosts: old.hosts, layout: old.layout, measured: old.measured },
          { hosts, layout, measured },
        )
      : undefined;
  let sizes: ReadonlyMap<string, Size> | undefined; // made for the first box written
  const box = (i: number) => {
    sizes ??= measuredSizes(measured);
    const id = hosts[i]!.id;
    const k = slot[i]!;
    const p = xy ? undefined : (layout[id] ?? ORIGIN);
    const s = sizes.get(id) ?? size;
    x![k] = p ? p.x : xy![2 * i]!;
    y![k] = p ? p.y : xy![2 * i + 1]!;
    w![k] = s.width;
    h![k] = s.height;
  };
  if (moved && x && y && w && h) {
    x = x.slice();
    y = y.slice();
    w = w.slice();
    h = h.slice();
    for (const i of moved) box(i);
  } else if (!boxesKept || !x || !y || !w || !h || !colour) {
    x = new Float64Array(n);
    y = new Float64Array(n);
    w = new Float64Array(n);
    h = new Float64Array(n);
    colour = new Int32Array(n);
    for (let i = 0; i < n; i += 1) {
      box(i);
      colour[slot[i]!] = hostColours[i]!;
    }
  }
  const ends = endsFor(input.places, hosts, input.links);
  const links =
    ends && !(keep && old.linkList === input.links)
      ? placedPairs(ends, slot)
      : linkPairs(input.links, index, keep ? old.linkList : undefined, previous?.links);
  const selected = input.selectedHostIds.flatMap((id) => {
    const i = index.place(id);
    return i === undefined ? [] : [i];
  });
  const made: Made = {
    hosts,
    catalogue: input.catalogue,
    hostColours,
    colourIndex,
    index,
    slot,
    layout,
    measured,
    linkList: input.links,
  };
  return { x, y, w, h, colour: colour!, colours, links, selected, made };
}
