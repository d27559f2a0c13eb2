/**
 * What the panels read of the flows, made from the engine's flows per link (linkViewOf) so an edit
 * at 10,000 hosts costs what it touched, not a walk over every flow: the service classes in use
 * (the legend) and the flow count of a few links (the host inspector).
 */
import type { Derivation } from '@/domain/derive';
import type { Link } from '@/domain/document';
import { type LinkView, linkViewOf } from '@/domain/engine/result';

type Side = NonNullable<ReturnType<LinkView['flowsAt']>>['ab'];

/** The service classes `flows` use (the scratch answer, for a derivation the engine did not make). */
function servicesOfFlows(flows: Derivation['flows']): Set<string> {
  const used = new Set<string>();
  for (const flow of flows) for (const id of flow.services) used.add(id);
  return used;
}

/**
 * Every link side's content list and how many sides hold each, counted from scratch. Alike links
 * share their lists and often follow one another, so a run of one list is counted once: at
 * 100,000 hosts (816,802 sides) a count per side was 50 ms of the open.
 */
function countSides(view: LinkView): { sides: (Side | undefined)[]; counts: Map<Side, number> } {
  const n = view.links.length;
  const sides = new Array<Side | undefined>(2 * n);
  const counts = new Map<Side, number>();
  let run: Side | undefined;
  let length = 0;
  const count = (side: Side | undefined) => {
    if (!side || side.length === 0) return;
    if (side === run) {
      length += 1;
      return;
    }
    if (run) counts.set(run, (counts.get(run) ?? 0) + length);
    run = side;
    length = 1;
  };
  for (let i = 0; i < n; i += 1) {
    const x = view.flowsAt(i);
    sides[2 * i] = x?.ab;
    sides[2 * i + 1] = x?.ba;
    count(x?.ab);
    count(x?.ba);
  }
  if (run) counts.set(run, (counts.get(run) ?? 0) + length);
  return { sides, counts };
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/**
 * Counts the service classes a catalogue's derivations use, edit by edit: the engine shares one
 * list of flow contents between links of alike hosts, so the lists are counted per link side and
 * a patched derivation re-counts only the links it touched.
 *
 * @returns A function giving the service ids the derivation's flows use; the same set object while
 *   they stay the same.
 * @example
 * const servicesOf = createServiceUse();
 * servicesOf(deriveFlows(document, catalogue)).has('sccm'); // true for a diagram with a site server
 */
export function createServiceUse(): (derivation: Derivation) => ReadonlySet<string> {
  // Each link side's content list, as counted, and how many sides hold each list.
  let sides: (Side | undefined)[] = [];
  let counts = new Map<Side, number>();
  let last: { view: LinkView; used: ReadonlySet<string> } | undefined;
  const add = (side: Side | undefined, by: number) => {
    if (!side || side.length === 0) return;
    const n = (counts.get(side) ?? 0) + by;
    if (n === 0) counts.delete(side);
    else counts.set(side, n);
  };
  const put = (view: LinkView, i: number) => {
    const x = view.flowsAt(i);
    add(sides[2 * i], -1);
    add(sides[2 * i + 1], -1);
    sides[2 * i] = x?.ab;
    sides[2 * i + 1] = x?.ba;
    add(x?.ab, 1);
    add(x?.ba, 1);
  };
  const keep = (used: ReadonlySet<string>) => (last && sameSet(last.used, used) ? last.used : used);
  return (derivation) => {
    const view = linkViewOf(derivation);
    if (!view) {
      last = undefined;
      return servicesOfFlows(derivation.flows);
    }
    if (last && last.view.deriver === view.deriver && view.base === last.view.serial) {
      for (const i of view.touched) put(view, i);
      sides.length = 2 * view.links.length;
    } else {
      ({ sides, counts } = countSides(view));
    }
    const used = new Set<string>();
    for (const side of counts.keys())
      for (const content of side) for (const id of content.services) used.add(id);
    last = { view, used: keep(used) };
    return last.used;
  };
}

/**
 * How many flows cross each of the given links (a link that repeats an earlier link's host pair
 * carries none of its own), counted from the engine's per-link flows, or from the flows for a
 * derivation the engine did not make.
 *
 * @param derivation - The derivation of `links`.
 * @param links - The document's links.
 * @param at - Positions in `links` of the links to count.
 * @returns Flow count by link id, for the links at `at` (summed over links sharing an id).
 * @example
 * flowCounts(derivation, document.links, [0]).get(document.links[0].id); // 12
 */
export function flowCounts(
  derivation: Derivation,
  links: readonly Link[],
  at: readonly number[],
): Map<string, number> {
  const count = new Map<string, number>();
  for (const i of at) count.set(links[i]!.id, 0);
  const view = linkViewOf(derivation);
  if (view && view.links === links) {
    for (const i of at) {
      const x = view.flowsAt(i);
      if (x) count.set(links[i]!.id, count.get(links[i]!.id)! + x.ab.length + x.ba.length);
    }
    return count;
  }
  for (const f of derivation.flows) {
    const n = count.get(f.linkId);
    if (n !== undefined) count.set(f.linkId, n + 1);
  }
  return count;
}

const NO_FLOWS: readonly never[] = Object.freeze([]);

/**
 * The flow contents the engine keeps for one link: what its source opens (`ab`) and what its
 * target opens (`ba`); none for a link that repeats an earlier link's host pair, a self-link or a
 * link to a missing host. Undefined when the derivation cannot tell (made by hand, or not of `links`).
 *
 * @example
 * const own = linkContents(derivation, document.links, document.links[0]);
 * own && createLinkSummarizer(catalogue).of(own.ab, own.ba).flowCount; // 12
 */
export function linkContents(
  derivation: Derivation,
  links: readonly Link[],
  link: Link,
): { readonly ab: Side; readonly ba: Side } | undefined {
  const view = linkViewOf(derivation);
  if (!view || view.links !== links) return undefined;
  const i = links.indexOf(link);
  if (i < 0) return undefined;
  return view.flowsAt(i) ?? { ab: NO_FLOWS, ba: NO_FLOWS };
}
