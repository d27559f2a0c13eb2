import type { Catalogue } from '../catalogue-types';
import type { Host } from '../document';
import { endsFor, ordersFor } from '../link-places';
import { changedAt, startsWith } from '../list-scan';
import { buildRuleIndex, listKey, type RuleIndex, sharesRules } from '../rule-index';
import { fileLinks, joined } from './first-links';
import { planFlows, splicePlan } from './flow-plan';
import { type HostReads, hostReads, signature } from './host-reads';
import { halfLength, type SegmentChange } from './layout';
import type { LinkFlows } from './link-flows';
import { Result } from './result';
import { kindOf, slotHosts } from './slots';
import {
  addAdjacent,
  adjacencyOf,
  type Derivation,
  type DerivationInput,
  emptyAfter,
  emptyOf,
  type Kind,
  roomFor,
  type Slot,
  type State,
} from './state';
import { Templates } from './templates';

/** Above this many changed hosts or new links, a full derivation is as quick as patching. */
const PATCH_LIMIT = 500;

/** Up to this many appended links are checked for repeats by scanning, not through the adjacency. */
const APPEND_SCAN = 16;

/**
 * The engine for one catalogue. It owns every cache a derivation uses (rule indexes, flow
 * templates, host-signature numbering) and its last derivation, so an edit that replaces a few host
 * objects or appends links re-derives only the links of those hosts; anything else derives from
 * scratch. The result is the same either way. Two catalogues (two editions) are two derivers.
 *
 * @example
 * const deriver = createDeriver(catalogue); // once per catalogue, e.g. per store
 * const derivation = deriver.derive(document);
 */
export class Deriver {
  private readonly reads: HostReads;
  private readonly templates: Templates;
  private readonly indexes = new Map<string, RuleIndex>();
  private state: State | undefined;
  /** The number of the last derivation made (see `LinkView.serial`). */
  private serial = 0;

  constructor(readonly catalogue: Catalogue) {
    this.reads = hostReads(catalogue);
    this.templates = new Templates(catalogue, this.reads);
  }

  /**
   * The rule index for a selection of supplementary lists, built on first use.
   *
   * @param lists - Ids of the supplementary lists switched on.
   * @returns The index, the same object for the same selection.
   * @example
   * deriver.ruleIndex(settings.supplementary).related.has('client|management-point'); // true
   */
  ruleIndex(lists: readonly string[] = []): RuleIndex {
    const key = listKey(lists);
    let index = this.indexes.get(key);
    if (!index) {
      index = buildRuleIndex(this.catalogue, lists);
      this.indexes.set(key, index);
    }
    return index;
  }

  /**
   * Derives every flow of a topology (see `deriveFlows` for the rules), patching the last
   * derivation when only a few hosts changed or links were appended.
   *
   * @param input - The document's hosts, links and settings.
   * @returns The flows in matrix order and the ids of links without flows; the same object as last
   *   time when none of `hosts`, `links` and `settings` changed.
   * @example
   * const deriver = createDeriver(catalogue);
   * deriver.derive(document).flows.length; // every flow
   */
  derive(input: DerivationInput): Derivation {
    const index = this.ruleIndex(input.settings.supplementary);
    const prev = this.state;
    if (
      prev &&
      prev.hosts === input.hosts &&
      prev.links === input.links &&
      prev.settings === input.settings
    ) {
      return prev.result;
    }
    this.state = (prev && this.patch(prev, input, index)) ?? this.full(input, index, prev);
    return this.state.result;
  }

  /**
   * True when some rule in force joins a role of `a` with a role of `b` (for refusing empty links).
   *
   * @param a - One host.
   * @param b - The other host.
   * @param lists - Ids of the supplementary lists switched on.
   * @returns Whether a link between the hosts can carry a flow.
   * @example
   * deriver.hostsShareRules(client, sql); // false
   */
  hostsShareRules(a: Host, b: Host, lists: readonly string[] = []): boolean {
    return sharesRules(this.ruleIndex(lists), a, b, this.catalogue);
  }

  /** Appends a link to a patched state; returns false when its hosts are missing or already linked. */
  private addLink(state: State, i: number): boolean {
    const link = state.links[i]!;
    const a = state.slots.get(link.source);
    const b = state.slots.get(link.target);
    if (!a || !b || a === b) {
      state.empty.add(i);
      return false;
    }
    if (joined(state, link.source, a.rank, b.rank, i)) return false;
    if (state.adjacency) {
      addAdjacent(state.adjacency, link.source, i);
      addAdjacent(state.adjacency, link.target, i);
    }
    this.deriveHalves(state, i, a, b);
    return true;
  }

  /** Files link `i`'s flows (the template of its hosts' kinds) and its ends' ranks in the state. */
  private deriveHalves(state: State, i: number, a: Slot, b: Slot): void {
    let row = state.grid[a.kind];
    if (!row) {
      row = [];
      state.grid[a.kind] = row;
    }
    let template = row[b.kind];
    if (!template) {
      const link = state.links[i]!;
      template = this.templates.of(link, a.host, b.host, a.sig, b.sig, state.index, state.settings);
      row[b.kind] = template;
    }
    state.perLink[i] = template;
    state.rankA[i] = a.rank;
    state.rankB[i] = b.rank;
    if (template.ab.length + template.ba.length === 0) state.empty.add(i);
    else if (state.empty.size > 0) state.empty.delete(i);
  }

  private full(input: DerivationInput, index: RuleIndex, prev: State | undefined): State {
    // Same hosts as last time (links were removed or reordered): their order and kinds still hold,
    // and so do the templates found, if the settings and rules are the same too.
    const keep = prev !== undefined && prev.hosts === input.hosts;
    const kinds = keep ? prev.kinds : new Map<string, Kind>();
    const made = keep
      ? undefined
      : slotHosts(input.hosts, kinds, this.reads, ordersFor(input.places, input.hosts)?.matrix);
    const { slots, byRank } = made ?? prev!;
    const state: State = {
      hosts: input.hosts,
      links: input.links,
      settings: input.settings,
      index,
      slots,
      byRank,
      kinds,
      grid: keep && prev.settings === input.settings && prev.index === index ? prev.grid : [],
      perLink: new Array(input.links.length),
      rankA: new Int32Array(input.links.length),
      rankB: new Int32Array(input.links.length),
      empty: new Set(),
      result: { flows: [], emptyLinks: [] },
    };
    // Ends the reader found (link-places.ts), for hosts slotted afresh: each read, not looked up by id.
    const ends = made && endsFor(input.places, input.hosts, input.links);
    fileLinks(state, (i, a, b) => this.deriveHalves(state, i, a, b), ends && { ends, byPlace: made.byPlace });
    state.result = new Result(planFlows(state), emptyOf(state), this, state, ++this.serial, -1, []);
    return state;
  }

  /**
   * Patches the previous state when the new input differs only by changed host objects (same ids
   * and names, same order) and links appended at the end; returns undefined when it does not.
   */
  private patch(prev: State, input: DerivationInput, index: RuleIndex): State | undefined {
    if (
      prev.settings !== input.settings ||
      prev.index !== index ||
      prev.hosts.length !== input.hosts.length
    ) {
      return undefined;
    }
    const at = changedAt(input.hosts, prev.hosts, PATCH_LIMIT);
    if (!at) return undefined;
    const changed: Host[] = [];
    for (const i of at) {
      const h = input.hosts[i]!;
      const p = prev.hosts[i]!;
      if (h.id !== p.id || h.name !== p.name) return undefined;
      changed.push(h);
    }
    const appendFrom = prev.links.length;
    const appended = input.links.length - appendFrom;
    if (input.links !== prev.links && (appended > PATCH_LIMIT || !startsWith(input.links, prev.links))) {
      return undefined;
    }
    // The state is only ever patched forward: it belongs to this deriver's last derivation. The
    // last result reads its plan's blocks, which hold what they need: the state is patched in place.
    const state = prev;
    const last = prev.result;
    const plan = Result.planOf(last);
    if (!plan) return undefined;
    state.hosts = input.hosts;
    state.links = input.links;
    const emptyBefore = state.empty.size;
    let emptied = false;
    const touched: number[] = [];
    const changes: SegmentChange[] = [];
    // Both ends' segments of link `i`, whose flows were `old` in the last layout.
    const note = (i: number, old: LinkFlows | undefined) => {
      touched.push(i);
      const a = state.rankA[i]!;
      const b = state.rankB[i]!;
      for (const [rank, other, half] of [
        [a, b, old?.ab],
        [b, a, old?.ba],
      ] as const) {
        const before = half === undefined ? 0 : half.length;
        if (before > 0 || halfLength(state, i, rank) > 0) changes.push({ rank, other, link: i, before });
      }
    };
    for (const host of changed) {
      const slot = state.slots.get(host.id)!;
      slot.host = host;
      const kind = kindOf(state.kinds, signature(host, this.reads));
      slot.sig = kind.sig;
      slot.kind = kind.number;
    }
    const seen = new Set<number>();
    for (const host of changed) {
      for (const i of adjacencyOf(state).get(host.id) ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        const old = state.perLink[i]!;
        const wasEmpty = state.empty.has(i);
        const link = state.links[i]!;
        this.deriveHalves(state, i, state.slots.get(link.source)!, state.slots.get(link.target)!);
        const x = state.perLink[i]!;
        // Alike hosts share templates: a link whose flows are the very same lists keeps them.
        if (x === old || (x.ab === old.ab && x.ba === old.ba)) {
          state.perLink[i] = old;
          continue;
        }
        if (wasEmpty !== state.empty.has(i)) emptied = true;
        note(i, old);
      }
    }
    roomFor(state, input.links.length);
    if (input.links.length - appendFrom > APPEND_SCAN) adjacencyOf(state);
    for (let i = appendFrom; i < input.links.length; i += 1) {
      if (this.addLink(state, i)) note(i, undefined);
      else touched.push(i);
    }
    const base = this.serial;
    const flows = changes.length === 0 ? plan : splicePlan(state, plan, changes);
    state.result = new Result(
      flows,
      emptyAfter(state, last, emptied, emptyBefore, appendFrom),
      this,
      state,
      ++this.serial,
      base,
      touched,
    );
    return state;
  }
}

/**
 * Makes the engine for one catalogue; keep it as long as the catalogue is in use.
 *
 * @param catalogue - The catalogue (edition) to derive with.
 * @returns A deriver whose caches and last derivation belong to `catalogue` alone.
 * @example
 * const deriver = createDeriver(catalogue);
 * const first = deriver.derive(document);
 * deriver.derive({ ...document, links: [...document.links, link] }); // re-derives one link
 */
export function createDeriver(catalogue: Catalogue): Deriver {
  return new Deriver(catalogue);
}

export { deriverOf } from './result';
