import type { Catalogue } from '../catalogue-types';
import type { Derivation } from '../derive';
import type { Host, TopologyDocument } from '../document';
import { linkViewOf } from '../engine/result';
import { endsFor, type LinkPlaces, ordersFor } from '../link-places';
import { diff } from './check-diff';
import { type Deps, type State, Users, unique } from './checker-state';
import { CheckContext, type CheckTrace, ROLE } from './context';
import { KeptEmptyLinks } from './empty-links';
import { EstateIndex } from './estate-index';
import { HostSets } from './estate-reuse';
import { type EstateChange, settleEstate } from './estate-settle';
import type { Finding } from './finding';
import { onlyMoved, readChanged, renamedIds } from './host-edits';
import { NoteLedger } from './note-ledger';
import { servesPxe } from './notes';
import { answer, mayChange } from './questions';
import { hostFindings, runChecks } from './run-checks';
import { mergeSorted, NO_FINDINGS, patchSorted, sortedFindings } from './sorted-findings';

/** Above this many changed hosts and links, checking from scratch is as quick as patching. */
const PATCH_LIMIT = 2000;

/**
 * The checks for one catalogue, kept incremental the way the engine is: each host's findings are
 * stored with what they read (the host, its links and their other ends, hosts named in them, and
 * estate-wide questions such as "the first management point of site P01"), so an edit re-checks
 * only the hosts whose inputs changed. Estate-wide checks (sites, hierarchy, shared names and
 * addresses, notes) run whole; they read site servers, indexes or the kept link notes, not every
 * host for every host, and a finding an edit left alike keeps its object and sort key. The result
 * equals `runChecks` on the same document, finding for finding and in order (a document with
 * duplicate ids is checked by `runChecks` itself, and never patched).
 */
export class Checker {
  private state: State | undefined;
  /** Empty-link findings with the link and hosts they were made of (see `CheckContext.kept`). */
  private readonly kept = new KeptEmptyLinks();
  /** Facts of the catalogue the checks memoise (`CheckContext.once`). */
  private readonly memo = new Map<string, unknown>();
  /** The trace of the host being checked, reused so checking a host allocates nothing for it. */
  private readonly trace: CheckTrace = { owner: '', hosts: new Set(), queries: [], wide: false };
  /** The last deps filed: the next host that read the same questions (and no host) shares them. */
  private lastDeps: Deps | undefined;
  private readonly scratch: Finding[] = [];
  private readonly lists = new HostSets();

  constructor(readonly catalogue: Catalogue) {}

  /**
   * Checks a document, patching the last result when `previous` is it.
   *
   * @param document - The topology.
   * @param derivation - Its flows.
   * @param previous - This checker's last result for an earlier version of the document.
   * @param places - Where the links' ends are in the host list, if known: a full run reads them.
   * @returns Findings sorted by severity, then message, then id.
   * @example
   * const checker = createChecker(catalogue);
   * let findings = checker.check(document, derivation);
   * findings = checker.check(edited, editedDerivation, findings);
   */
  check(
    document: TopologyDocument,
    derivation: Derivation,
    previous?: readonly Finding[],
    places?: LinkPlaces | null,
  ): readonly Finding[] {
    const prev = this.state;
    const patched = prev && previous === prev.result ? this.patch(prev, document, derivation) : undefined;
    this.state = patched ?? this.full(document, derivation, places);
    return this.state?.result ?? runChecks(document, this.catalogue, derivation);
  }

  private context(document: TopologyDocument, derivation: Derivation, state: State): CheckContext {
    const { index } = state;
    const ctx = new CheckContext(document, this.catalogue, derivation, index, this.memo);
    ctx.kept = this.kept;
    ctx.pxeServed = () => {
      state.pxeList ??= index.hostsWith(ROLE.distributionPoint).filter((h) => state.pxe.has(h.id));
      return state.pxeList;
    };
    return ctx;
  }

  /** Checks one host with its trace on, and files its findings and what they read. */
  private checkHost(state: State, ctx: CheckContext, host: Host): void {
    const trace = this.trace;
    (trace as { owner: string }).owner = host.id;
    trace.wide = false;
    ctx.trace = trace;
    this.scratch.length = 0;
    const scratch = hostFindings(ctx, host, this.scratch);
    if (servesPxe(ctx, host)) {
      state.pxe.add(host.id);
    }
    ctx.trace = undefined;
    if (scratch.length > 0) state.byHost.set(host.id, scratch.slice());
    if (trace.wide) state.wide.add(host.id);
    if (trace.hosts.size > 0) trace.hosts.delete(host.id);
    if (trace.hosts.size > 0 || trace.queries.length > 0) {
      const deps = this.depsOf(trace);
      state.deps.set(host.id, deps);
      for (const id of deps.hosts) state.hostUsers.add(id, host.id);
      for (const key of deps.queries) state.queryUsers.add(key, host.id);
    }
    // A set cleared makes a new table even when empty: most hosts ask nothing.
    if (trace.hosts.size > 0) trace.hosts.clear();
    if (trace.queries.length > 0) trace.queries.length = 0;
  }

  /** What a trace read, as the last deps when they read the same questions and no host. */
  private depsOf(trace: CheckTrace): Deps {
    const last = this.lastDeps;
    const { queries } = trace;
    if (last && trace.hosts.size === 0 && last.hosts.length === 0 && last.queries.length === queries.length) {
      let same = true;
      for (let i = 0; i < queries.length && same; i += 1) same = queries[i] === last.queries[i];
      if (same) return last;
    }
    this.lastDeps = { hosts: [...trace.hosts], queries: queries.slice() };
    return this.lastDeps;
  }

  /** Forgets a host's findings and what they read. */
  private forget(state: State, id: string): void {
    state.byHost.delete(id);
    state.pxe.delete(id);
    state.wide.delete(id);
    const deps = state.deps.get(id);
    if (!deps) return;
    state.deps.delete(id);
    for (const h of deps.hosts) state.hostUsers.drop(h, id);
    for (const key of deps.queries) state.queryUsers.drop(key, id);
  }

  /** Checks every host; undefined for a document with duplicate ids, which is never patched. */
  private full(document: TopologyDocument, derivation: Derivation, places?: LinkPlaces | null) {
    this.kept.clear();
    const { hosts, links } = document;
    const byName = ordersFor(places, hosts)?.names;
    const index = EstateIndex.of(hosts, links, endsFor(places, hosts, links), byName);
    if (!unique(document, index)) return undefined;
    const state: State = {
      hosts: document.hosts,
      links: document.links,
      index,
      byHost: new Map(),
      deps: new Map(),
      hostUsers: new Users(),
      queryUsers: new Users(),
      answers: new Map(),
      wide: new Set(),
      hostResult: NO_FINDINGS,
      estate: NO_FINDINGS,
      families: [],
      result: [],
      ledger: new NoteLedger(
        this.catalogue,
        document.settings,
        document.links,
        index,
        linkViewOf(derivation),
      ),
      pxe: new Set(),
      pxeList: undefined,
      read: { settings: undefined, results: undefined, flows: undefined, emptyLinks: [], notes: -1 },
      merged: [undefined, undefined],
    };
    const ctx = this.context(document, derivation, state);
    ctx.linkNotes = state.ledger.notes();
    for (let i = 0; i < index.hosts.length; i += 1) this.checkHost(state, ctx, index.hosts[i] as Host);
    for (const key of state.queryUsers.keys()) state.answers.set(key, answer(ctx, key));
    const all: Finding[] = [];
    for (const list of state.byHost.values()) for (const finding of list) all.push(finding);
    state.hostResult = sortedFindings(all);
    this.settle(state, ctx);
    return state;
  }

  /** Runs the estate-wide families an edit may have changed (`settleEstate`), and merges the result. */
  private settle(state: State, ctx: CheckContext, edit?: EstateChange, ids?: ReadonlySet<string>): void {
    settleEstate(state, ctx, this.lists, edit, ids);
    // Nothing came or went: the same result, so the app's lists stay as they are.
    if (state.merged[0] === state.hostResult && state.merged[1] === state.estate) return;
    state.merged = [state.hostResult, state.estate];
    state.result = mergeSorted(state.hostResult, state.estate, false).findings;
  }

  private patch(state: State, document: TopologyDocument, derivation: Derivation): State | undefined {
    // A list that grew or shrank by more than the limit changed at least that much: no diff needed
    // (a file opened over another document would list every host and link of it as added).
    const grown = (a: readonly unknown[], b: readonly unknown[]) => Math.abs(a.length - b.length);
    if (grown(state.hosts, document.hosts) + grown(state.links, document.links) > PATCH_LIMIT)
      return undefined;
    const hosts = diff(state.hosts, document.hosts);
    const links = diff(state.links, document.links);
    if (hosts.removed.length + hosts.added.length + links.removed.length + links.added.length > PATCH_LIMIT)
      return undefined;
    const { index } = state;
    const dirty = new Set<string>();
    // Hosts whose name, site, roles or options changed (or that came or went): what other hosts'
    // checks read of them. A host moved or put into a zone is checked again alone.
    const spread = readChanged(hosts);
    const touch = (id: string) => {
      dirty.add(id);
      if (!spread.has(id)) return;
      for (const n of index.neighbourIds(id)) dirty.add(n);
      for (const owner of state.hostUsers.get(id) ?? []) dirty.add(owner);
    };
    const changed = [...hosts.removed, ...hosts.added].map((h) => h.id);
    for (const id of changed) touch(id);
    const linkIds = [...links.removed, ...links.added].map((l) => l.id);
    this.kept.forget(linkIds, changed);
    for (const link of links.removed) index.removeLink(link);
    for (const host of hosts.removed) index.removeHost(host);
    for (const host of hosts.added) index.addHost(host);
    for (const link of links.added) index.addLink(link);
    // Duplicate ids, or a new default site that every host's site reads: check from scratch.
    if (index.settle() || !unique(document, index)) return undefined;
    for (const id of changed) touch(id);
    for (const link of [...links.removed, ...links.added]) {
      dirty.add(link.source);
      dirty.add(link.target);
    }
    for (const id of state.wide) dirty.add(id);
    const ctx = this.context(document, derivation, state);
    if (state.ledger.settings === document.settings) {
      const edit = { removed: links.removed, added: links.added, hosts: [...spread], links: document.links };
      state.ledger.patch({ ...edit, moved: links.moved, renamed: renamedIds(hosts) });
    } else state.ledger = new NoteLedger(this.catalogue, document.settings, document.links, index);
    ctx.linkNotes = state.ledger.notes();
    const what = {
      hosts: changed.length > 0,
      reads: spread.size > 0,
      links: links.removed.length + links.added.length > 0,
    };
    for (const [key, users] of state.queryUsers.entries()) {
      if (!mayChange(key, what)) continue;
      const now = answer(ctx, key);
      if (now === state.answers.get(key)) continue;
      state.answers.set(key, now);
      for (const owner of users) dirty.add(owner);
    }
    const stale = new Set<Finding>();
    const fresh: Finding[] = [];
    const replaced = new Set(changed);
    let pxe = false;
    for (const id of dirty) {
      for (const finding of state.byHost.get(id) ?? []) stale.add(finding);
      const was = state.pxe.has(id);
      this.forget(state, id);
      const host = index.hostById.get(id);
      if (host) this.checkHost(state, ctx, host);
      // The PXE points in name order hold host objects: listed again when one came, went or was replaced.
      if (was !== state.pxe.has(id) || (was && replaced.has(id))) {
        state.pxeList = undefined;
        pxe = true;
      }
      if (host) fresh.push(...(state.byHost.get(id) ?? []));
    }
    for (const key of state.queryUsers.keys())
      if (!state.answers.has(key)) state.answers.set(key, answer(ctx, key));
    for (const key of state.answers.keys()) if (!state.queryUsers.has(key)) state.answers.delete(key);
    state.hostResult = patchSorted(state.hostResult, stale, sortedFindings(fresh));
    state.hosts = document.hosts;
    state.links = document.links;
    const ends: Host[] = [];
    for (const link of [...links.removed, ...links.added]) {
      for (const end of [link.source, link.target]) {
        const host = index.hostById.get(end);
        if (host) ends.push(host);
      }
    }
    // Links in another order: the notes and empty links list theirs in link order; all run.
    const quiet = onlyMoved(hosts, spread) && !what.links;
    const edit = links.moved ? undefined : { hosts, ends, pxe, onlyMoved: quiet };
    this.settle(state, ctx, edit, new Set([...changed, ...linkIds]));
    return state;
  }
}

/**
 * An incremental checker for one catalogue (an object; no module-level state): hand it each
 * version of a document with its last result, and it re-checks only what the edit touched.
 *
 * @param catalogue - The catalogue (edition) in force.
 * @returns A checker whose `check(document, derivation, previous?)` equals `runChecks`.
 * @example
 * const checker = createChecker(catalogue);
 * const first = checker.check(document, derivation);
 * const next = checker.check(edited, deriveFlows(edited, catalogue, derivation), first);
 */
export function createChecker(catalogue: Catalogue): Checker {
  return new Checker(catalogue);
}
