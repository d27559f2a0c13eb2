import type { Catalogue } from './catalogue-types';
import { deriveLinkFlows, knownRoles, type LinkFlows } from './derive-link';
import type { Host, Link, Settings, TopologyDocument } from './document';
import type { Flow } from './flow';
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
  hostById: Map<string, Host>;
  /** Matrix order of hosts: by name (numeric-aware), then id. */
  rank: Map<string, number>;
  /**
   * The links each host takes part in (one per host pair; repeats carry the same flows). Built on
   * the first patch only, so a full derivation does not pay for it.
   */
  adjacency?: Map<string, Link[]>;
  pairs: Set<number>;
  perLink: Map<Link, LinkFlows>;
  /** Flows by initiator rank, each in responder, protocol, port order. */
  buckets: (readonly Flow[] | undefined)[];
  empty: Set<string>;
  result: Derivation;
}

const states = new WeakMap<Catalogue, State>();
/** Above this many changed hosts or new links, a full derivation is as quick as patching. */
const PATCH_LIMIT = 500;

/** A sort key that orders names case-blind and numbers by value: `dp2` before `DP10`. */
function naturalKey(name: string): string {
  return name.toLowerCase().replace(/\d+/g, (digits) => digits.padStart(12, '0'));
}

function rankHosts(hosts: readonly Host[]): Map<string, number> {
  const keyed = hosts.map((h) => ({ key: naturalKey(h.name), id: h.id }));
  keyed.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const rank = new Map<string, number>();
  for (let i = 0; i < keyed.length; i += 1) rank.set(keyed[i]!.id, i);
  return rank;
}

function pairOf(state: State, a: Host, b: Host): number {
  const ra = state.rank.get(a.id) ?? 0;
  const rb = state.rank.get(b.id) ?? 0;
  const n = state.hosts.length;
  return ra < rb ? ra * n + rb : rb * n + ra;
}

/** Adds a link to the state; returns false when its hosts are missing or already linked. */
function addLink(state: State, link: Link, catalogue: Catalogue): boolean {
  const a = state.hostById.get(link.source);
  const b = state.hostById.get(link.target);
  if (!a || !b || a === b) {
    state.empty.add(link.id);
    return false;
  }
  const pair = pairOf(state, a, b);
  if (state.pairs.has(pair)) return false;
  state.pairs.add(pair);
  if (state.adjacency) {
    addAdjacent(state.adjacency, a.id, link);
    addAdjacent(state.adjacency, b.id, link);
  }
  deriveHalves(state, link, catalogue);
  return true;
}

function addAdjacent(adjacency: Map<string, Link[]>, id: string, link: Link): void {
  const list = adjacency.get(id);
  if (list) list.push(link);
  else adjacency.set(id, [link]);
}

function adjacencyOf(state: State): Map<string, Link[]> {
  if (!state.adjacency) {
    const adjacency = new Map<string, Link[]>();
    for (const link of state.perLink.keys()) {
      addAdjacent(adjacency, link.source, link);
      addAdjacent(adjacency, link.target, link);
    }
    state.adjacency = adjacency;
  }
  return state.adjacency;
}

function deriveHalves(state: State, link: Link, catalogue: Catalogue): void {
  const a = state.hostById.get(link.source)!;
  const b = state.hostById.get(link.target)!;
  const flows = deriveLinkFlows(link, a, b, state.index, state.settings, catalogue);
  flows.rankA = state.rank.get(a.id) ?? 0;
  flows.rankB = state.rank.get(b.id) ?? 0;
  state.perLink.set(link, flows);
  if (flows.ab.length + flows.ba.length === 0) state.empty.add(link.id);
  else state.empty.delete(link.id);
}

/** Sorts a host's links by the other host's rank and lays out the flows the host opens. */
function bucketOf(own: LinkFlows[], rank: number): readonly Flow[] {
  if (own.length === 1) {
    const only = own[0]!;
    return only.rankA === rank ? only.ab : only.ba;
  }
  const other = (x: LinkFlows) => (x.rankA === rank ? x.rankB : x.rankA);
  own.sort((x, y) => other(x) - other(y));
  const flows: Flow[] = [];
  for (const x of own) for (const flow of x.rankA === rank ? x.ab : x.ba) flows.push(flow);
  return flows;
}

/** Rebuilds the flows a host initiates: its share of every link, by the other host's rank. */
function rebuildBucket(state: State, hostId: string): void {
  const r = state.rank.get(hostId) ?? 0;
  const own: LinkFlows[] = [];
  for (const link of adjacencyOf(state).get(hostId) ?? []) {
    const x = state.perLink.get(link);
    if (x && (x.rankA === r ? x.ab : x.ba).length > 0) own.push(x);
  }
  state.buckets[r] = own.length === 0 ? undefined : bucketOf(own, r);
}

/** All buckets at once for a full derivation: one pass over the links instead of one per host. */
function fillBuckets(state: State): void {
  const byInitiator: LinkFlows[][] = new Array(state.hosts.length);
  const put = (r: number, x: LinkFlows) => {
    const list = byInitiator[r];
    if (list) list.push(x);
    else byInitiator[r] = [x];
  };
  for (const x of state.perLink.values()) {
    if (x.ab.length > 0) put(x.rankA, x);
    if (x.ba.length > 0) put(x.rankB, x);
  }
  for (let r = 0; r < byInitiator.length; r += 1) {
    const own = byInitiator[r];
    if (own) state.buckets[r] = bucketOf(own, r);
  }
}

function assemble(state: State): Derivation {
  let total = 0;
  for (const bucket of state.buckets) if (bucket) total += bucket.length;
  const flows: Flow[] = new Array(total);
  let i = 0;
  for (const bucket of state.buckets) {
    if (!bucket) continue;
    for (const flow of bucket) flows[i++] = flow;
  }
  const emptyLinks =
    state.empty.size === 0 ? [] : state.links.filter((l) => state.empty.has(l.id)).map((l) => l.id);
  return { flows, emptyLinks };
}

function fullDerivation(input: DerivationInput, index: RuleIndex, catalogue: Catalogue): State {
  const state: State = {
    hosts: input.hosts,
    links: input.links,
    settings: input.settings,
    index,
    hostById: new Map(input.hosts.map((h) => [h.id, h])),
    rank: rankHosts(input.hosts),
    pairs: new Set(),
    perLink: new Map(),
    buckets: new Array(input.hosts.length),
    empty: new Set(),
    result: { flows: [], emptyLinks: [] },
  };
  for (const link of input.links) addLink(state, link, catalogue);
  fillBuckets(state);
  state.result = assemble(state);
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
  let appended: readonly Link[] = [];
  if (input.links !== prev.links) {
    if (input.links.length < prev.links.length || input.links.length - prev.links.length > PATCH_LIMIT) {
      return undefined;
    }
    for (let i = 0; i < prev.links.length; i += 1) if (input.links[i] !== prev.links[i]) return undefined;
    appended = input.links.slice(prev.links.length);
  }
  // The previous state is only ever patched forward: it belongs to this catalogue's last derivation.
  const state = prev;
  state.hosts = input.hosts;
  state.links = input.links;
  const dirty = new Set<string>();
  for (const host of changed) {
    state.hostById.set(host.id, host);
    dirty.add(host.id);
    for (const link of adjacencyOf(state).get(host.id) ?? []) {
      deriveHalves(state, link, catalogue);
      dirty.add(link.source);
      dirty.add(link.target);
    }
  }
  for (const link of appended) {
    if (addLink(state, link, catalogue)) {
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
  const state = (prev && patch(prev, input, index, catalogue)) ?? fullDerivation(input, index, catalogue);
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
