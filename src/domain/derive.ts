import type { Catalogue } from './catalogue-types';
import {
  contentsFrom,
  knownRoles,
  LinkFlows,
  signature,
  type Template,
  templateFor,
  writeFlows,
} from './derive-link';
import type { Host, Link, Settings, TopologyDocument } from './document';
import type { Flow } from './flow';
import { PairSet } from './pair-set';
import { pairKey, type RuleIndex, ruleIndex } from './rule-index';

export { resolvePort } from './derive-link';

/** What the engine reads of a document: never positions, so moving a host never re-derives. */
export type DerivationInput = Pick<TopologyDocument, 'hosts' | 'links' | 'settings'>;

export interface Derivation {
  /** Every flow, ordered by initiator name, responder name, protocol and port. */
  readonly flows: readonly Flow[];
  /** Ids of links that carry no flow at all (the hosts' roles share no rule in force), in link order. */
  readonly emptyLinks: readonly string[];
}

/**
 * What the previous derivation for a catalogue built, so the next one can redo only what changed.
 * Every field describes exactly `hosts`, `links` and `settings` of that derivation.
 */
interface State {
  hosts: readonly Host[];
  links: readonly Link[];
  settings: Settings;
  index: RuleIndex;
  /** Each host and its matrix position, by id: one lookup per link end. */
  slots: Map<string, Slot>;
  /** Host signatures (roles and options) numbered, so a link finds its flow template by two indices. */
  kinds: Map<string, number>;
  /** Flow templates by the kinds of a link's two hosts, for this state's settings and rule index. */
  grid: (Template | undefined)[][];
  /**
   * The links each host takes part in (one per host pair; repeats carry the same flows). Built on
   * the first patch only, so a full derivation does not pay for it.
   */
  adjacency?: Map<string, number[]>;
  pairs: PairSet;
  /** The flows of each link, by its position in `links`; none for repeats and broken links. */
  perLink: (LinkFlows | undefined)[];
  /**
   * Flows by initiator rank, each in responder, protocol, port order: cut from the result on the
   * first patch (see bucketsOf), so a full derivation does not build them.
   */
  buckets?: (readonly Flow[] | undefined)[];
  /** Where each host's flows start in a full derivation's result, by rank (one more at the end). */
  offsets?: Int32Array;
  empty: Set<string>;
  result: Derivation;
}

/** A host and its place in the matrix order (by name, numeric-aware, then id). */
interface Slot {
  host: Host;
  readonly rank: number;
  /** The host's signature (roles and options) and its number in `State.kinds`. */
  sig: string;
  kind: number;
}

function kindOf(kinds: Map<string, number>, sig: string): number {
  let kind = kinds.get(sig);
  if (kind === undefined) {
    kind = kinds.size;
    kinds.set(sig, kind);
  }
  return kind;
}

const states = new WeakMap<Catalogue, State>();
/** Above this many changed hosts or new links, a full derivation is as quick as patching. */
const PATCH_LIMIT = 500;

const ZEROS = '000000000000';

/**
 * A sort key that orders names case-blind and numbers by value: `dp2` before `DP10` (each run of
 * digits padded to twelve). A plain scan: a regular expression with a callback costs three times as much.
 */
export function naturalKey(name: string): string {
  const s = name.toLowerCase();
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) {
      i += 1;
      continue;
    }
    let j = i + 1;
    while (j < s.length) {
      const d = s.charCodeAt(j);
      if (d < 48 || d > 57) break;
      j += 1;
    }
    out += s.slice(last, i);
    if (j - i < ZEROS.length) out += ZEROS.slice(j - i);
    out += s.slice(i, j);
    last = j;
    i = j;
  }
  return last === 0 ? s : out + s.slice(last);
}

function slotHosts(hosts: readonly Host[], kinds: Map<string, number>): Map<string, Slot> {
  const keyed = hosts.map((host) => ({ key: naturalKey(host.name), host }));
  keyed.sort((x, y) =>
    x.key < y.key ? -1 : x.key > y.key ? 1 : x.host.id < y.host.id ? -1 : x.host.id > y.host.id ? 1 : 0,
  );
  const slots = new Map<string, Slot>();
  for (let i = 0; i < keyed.length; i += 1) {
    const host = keyed[i]!.host;
    const sig = signature(host);
    slots.set(host.id, { host, rank: i, sig, kind: kindOf(kinds, sig) });
  }
  return slots;
}

/** Adds a link to the state; returns false when its hosts are missing or already linked. */
function addLink(state: State, i: number, catalogue: Catalogue): boolean {
  const link = state.links[i]!;
  const a = state.slots.get(link.source);
  const b = state.slots.get(link.target);
  if (!a || !b || a === b) {
    state.empty.add(link.id);
    return false;
  }
  const n = state.hosts.length;
  const pair = a.rank < b.rank ? a.rank * n + b.rank : b.rank * n + a.rank;
  if (!state.pairs.add(pair)) return false;
  if (state.adjacency) {
    addAdjacent(state.adjacency, link.source, i);
    addAdjacent(state.adjacency, link.target, i);
  }
  deriveHalves(state, i, a, b, catalogue);
  return true;
}

function addAdjacent(adjacency: Map<string, number[]>, id: string, i: number): void {
  const list = adjacency.get(id);
  if (list) list.push(i);
  else adjacency.set(id, [i]);
}

function adjacencyOf(state: State): Map<string, number[]> {
  if (!state.adjacency) {
    const adjacency = new Map<string, number[]>();
    for (let i = 0; i < state.perLink.length; i += 1) {
      if (state.perLink[i] === undefined) continue;
      const link = state.links[i]!;
      addAdjacent(adjacency, link.source, i);
      addAdjacent(adjacency, link.target, i);
    }
    state.adjacency = adjacency;
  }
  return state.adjacency;
}

function deriveHalves(state: State, i: number, a: Slot, b: Slot, catalogue: Catalogue): void {
  const link = state.links[i]!;
  let row = state.grid[a.kind];
  if (!row) {
    row = [];
    state.grid[a.kind] = row;
  }
  let template = row[b.kind];
  if (!template) {
    template = templateFor(link, a.host, b.host, a.sig, b.sig, state.index, state.settings, catalogue);
    row[b.kind] = template;
  }
  const flows = new LinkFlows(template.ab, template.ba, link);
  flows.rankA = a.rank;
  flows.rankB = b.rank;
  state.perLink[i] = flows;
  if (flows.ab.length + flows.ba.length === 0) state.empty.add(link.id);
  else state.empty.delete(link.id);
}

/** Rebuilds the flows a host initiates after a patch: its share of every link, by the other host's rank. */
function rebuildBucket(state: State, hostId: string): void {
  const r = state.slots.get(hostId)?.rank ?? 0;
  const { perLink } = state;
  const own = (adjacencyOf(state).get(hostId) ?? []).filter((i) => {
    const x = perLink[i];
    return x !== undefined && contentsFrom(x, r).length > 0;
  });
  if (own.length === 0) {
    bucketsOf(state)[r] = undefined;
    return;
  }
  const order = Int32Array.from(own);
  sortIndices(order, 0, order.length, r, perLink);
  let total = 0;
  for (const i of order) total += contentsFrom(perLink[i]!, r).length;
  const flows = new Array<Flow>(total);
  writeRun(order, 0, order.length, r, perLink, flows, 0);
  bucketsOf(state)[r] = flows;
}

/** The other host's rank across link `i`, seen from the host ranked `rank`. */
function otherOf(perLink: readonly (LinkFlows | undefined)[], i: number, rank: number): number {
  const x = perLink[i]!;
  return x.rankA === rank ? x.rankB : x.rankA;
}

/**
 * Sorts the link indices `order[from..to)` by the other host's rank, in place. Most hosts have a
 * handful of links: insertion sort needs no work array; a hub (a site server with thousands of
 * links) takes the native sort.
 */
function sortIndices(
  order: Int32Array,
  from: number,
  to: number,
  rank: number,
  perLink: readonly (LinkFlows | undefined)[],
): void {
  if (to - from > 24) {
    const part = Array.from(order.subarray(from, to)).sort(
      (x, y) => otherOf(perLink, x, rank) - otherOf(perLink, y, rank),
    );
    order.set(part, from);
    return;
  }
  for (let i = from + 1; i < to; i += 1) {
    const x = order[i]!;
    const key = otherOf(perLink, x, rank);
    let j = i - 1;
    while (j >= from && otherOf(perLink, order[j]!, rank) > key) {
      order[j + 1] = order[j]!;
      j -= 1;
    }
    order[j + 1] = x;
  }
}

/** Writes the flows the host ranked `rank` opens across the links `order[from..to)` into `out` from `at`. */
function writeRun(
  order: Int32Array,
  from: number,
  to: number,
  rank: number,
  perLink: readonly (LinkFlows | undefined)[],
  out: Flow[],
  at: number,
): number {
  let n = at;
  for (let k = from; k < to; k += 1) n = writeFlows(perLink[order[k]!]!, rank, out, n);
  return n;
}

/**
 * Every flow of a full derivation, in matrix order, written straight into the result: one pass
 * counts each host's link halves and flows, a second files the links by initiating host (indices in
 * a typed array), then each host's run is sorted and its flows written. Where each host's flows
 * start is kept, so the first patch can cut them into per-host buckets.
 */
function layOut(state: State): Flow[] {
  const n = state.hosts.length;
  const { perLink } = state;
  const start = new Int32Array(n + 1);
  let total = 0;
  for (const x of perLink) {
    if (x === undefined) continue;
    if (x.ab.length > 0) start[x.rankA + 1]! += 1;
    if (x.ba.length > 0) start[x.rankB + 1]! += 1;
    total += x.ab.length + x.ba.length;
  }
  for (let r = 0; r < n; r += 1) start[r + 1]! += start[r]!;
  const order = new Int32Array(start[n]!);
  const fill = start.slice(0, n);
  for (let i = 0; i < perLink.length; i += 1) {
    const x = perLink[i];
    if (x === undefined) continue;
    if (x.ab.length > 0) order[fill[x.rankA]!++] = i;
    if (x.ba.length > 0) order[fill[x.rankB]!++] = i;
  }
  const flows = new Array<Flow>(total);
  const offsets = new Int32Array(n + 1);
  let at = 0;
  for (let r = 0; r < n; r += 1) {
    offsets[r] = at;
    const from = start[r]!;
    const to = start[r + 1]!;
    if (to - from > 1) sortIndices(order, from, to, r, perLink);
    at = writeRun(order, from, to, r, perLink, flows, at);
  }
  offsets[n] = at;
  state.offsets = offsets;
  return flows;
}

/** Per-host buckets, cut from the full derivation's result on the first patch. */
function bucketsOf(state: State): (readonly Flow[] | undefined)[] {
  if (!state.buckets) {
    const { flows } = state.result;
    const offsets = state.offsets!;
    const buckets = new Array<readonly Flow[] | undefined>(state.hosts.length);
    for (let r = 0; r < state.hosts.length; r += 1) {
      if (offsets[r + 1]! > offsets[r]!) buckets[r] = flows.slice(offsets[r], offsets[r + 1]);
    }
    state.buckets = buckets;
  }
  return state.buckets;
}

function emptyOf(state: State): string[] {
  return state.empty.size === 0 ? [] : state.links.filter((l) => state.empty.has(l.id)).map((l) => l.id);
}

function assemble(state: State): Derivation {
  const buckets = bucketsOf(state);
  let total = 0;
  for (const bucket of buckets) if (bucket) total += bucket.length;
  const flows: Flow[] = new Array(total);
  let i = 0;
  for (const bucket of buckets) {
    if (!bucket) continue;
    for (const flow of bucket) flows[i++] = flow;
  }
  return { flows, emptyLinks: emptyOf(state) };
}

function fullDerivation(
  input: DerivationInput,
  index: RuleIndex,
  catalogue: Catalogue,
  prev: State | undefined,
): State {
  // Same hosts as last time (links were removed or reordered): their order and kinds still hold,
  // and so do the templates found, if the settings and rules are the same too.
  const keep = prev !== undefined && prev.hosts === input.hosts;
  const kinds = keep ? prev.kinds : new Map<string, number>();
  const state: State = {
    hosts: input.hosts,
    links: input.links,
    settings: input.settings,
    index,
    slots: keep ? prev.slots : slotHosts(input.hosts, kinds),
    kinds,
    grid: keep && prev.settings === input.settings && prev.index === index ? prev.grid : [],
    pairs: new PairSet(input.links.length),
    perLink: new Array(input.links.length),
    empty: new Set(),
    result: { flows: [], emptyLinks: [] },
  };
  for (let i = 0; i < input.links.length; i += 1) addLink(state, i, catalogue);
  state.result = { flows: layOut(state), emptyLinks: emptyOf(state) };
  return state;
}

/**
 * Patches the previous state when the new input differs only by changed host objects (same ids and
 * names, same order) and links appended at the end; returns undefined when it does not.
 */
function patch(
  prev: State,
  input: DerivationInput,
  index: RuleIndex,
  catalogue: Catalogue,
): State | undefined {
  if (prev.settings !== input.settings || prev.index !== index || prev.hosts.length !== input.hosts.length) {
    return undefined;
  }
  const changed: Host[] = [];
  for (let i = 0; i < input.hosts.length; i += 1) {
    const h = input.hosts[i]!;
    const p = prev.hosts[i]!;
    if (h === p) continue;
    if (h.id !== p.id || h.name !== p.name) return undefined;
    changed.push(h);
    if (changed.length > PATCH_LIMIT) return undefined;
  }
  const appendFrom = prev.links.length;
  if (input.links !== prev.links) {
    if (input.links.length < prev.links.length || input.links.length - prev.links.length > PATCH_LIMIT) {
      return undefined;
    }
    for (let i = 0; i < prev.links.length; i += 1) if (input.links[i] !== prev.links[i]) return undefined;
  }
  // The previous state is only ever patched forward: it belongs to this catalogue's last derivation.
  const state = prev;
  state.hosts = input.hosts;
  state.links = input.links;
  const dirty = new Set<string>();
  for (const host of changed) {
    const slot = state.slots.get(host.id)!;
    slot.host = host;
    slot.sig = signature(host);
    slot.kind = kindOf(state.kinds, slot.sig);
    dirty.add(host.id);
    for (const i of adjacencyOf(state).get(host.id) ?? []) {
      const link = state.links[i]!;
      deriveHalves(state, i, state.slots.get(link.source)!, state.slots.get(link.target)!, catalogue);
      dirty.add(link.source);
      dirty.add(link.target);
    }
  }
  for (let i = appendFrom; i < input.links.length; i += 1) {
    const link = input.links[i]!;
    if (addLink(state, i, catalogue)) {
      dirty.add(link.source);
      dirty.add(link.target);
    }
  }
  for (const id of dirty) rebuildBucket(state, id);
  state.result = assemble(state);
  return state;
}

/**
 * Derives every flow a topology needs. For each link, every role pair across it contributes the
 * catalogue's rules: `-->` rules from their initiating side only, `< -- >` rules from both sides
 * (unless note 5 restricts them to the site server). Conditions are honoured, configured ports
 * replace defaults, `dynamic` becomes the configured RPC range, identical flows merge. Roles on the
 * same host talk locally and yield no network flow.
 *
 * Cost grows with links, not with links × catalogue: rules are indexed by role pair once. The result
 * of the last call per catalogue is kept, so an edit that replaces a few host objects or appends
 * links re-derives only the links of those hosts (the app's one-change case); anything else derives
 * from scratch. The result is the same either way.
 */
export function deriveFlows(input: DerivationInput, catalogue: Catalogue): Derivation {
  const index = ruleIndex(catalogue, input.settings.supplementary);
  const prev = states.get(catalogue);
  if (prev && prev.hosts === input.hosts && prev.links === input.links && prev.settings === input.settings) {
    return prev.result;
  }
  const state =
    (prev && patch(prev, input, index, catalogue)) ?? fullDerivation(input, index, catalogue, prev);
  states.set(catalogue, state);
  return state.result;
}

/** True when some rule joins a role of `a` with a role of `b` in either direction (for refusing empty links). */
export function hostsShareRules(
  a: Host,
  b: Host,
  catalogue: Catalogue,
  lists: readonly string[] = [],
): boolean {
  const index = ruleIndex(catalogue, lists);
  for (const ra of a.roles) {
    for (const rb of b.roles) if (index.related.has(pairKey(ra, rb))) return true;
  }
  const rolesA = knownRoles(a, catalogue);
  const rolesB = knownRoles(b, catalogue);
  if (rolesA.length > 0 && rolesB.some((r) => index.fromAny.has(r))) return true;
  return rolesB.length > 0 && rolesA.some((r) => index.fromAny.has(r));
}
