import type { Catalogue, RoleId, Rule, RuleCondition } from './catalogue-types';
import type { Host, Link, Settings, TopologyDocument } from './document';
import { comparePorts, type Flow, type FlowPort, formatPort, samePort } from './flow';
import { pairKey, type RuleIndex, ruleIndex } from './rule-index';

/** What the engine reads of a document: never positions, so moving a host never re-derives. */
export type DerivationInput = Pick<TopologyDocument, 'hosts' | 'links' | 'settings'>;

export interface Derivation {
  /** Every flow, sorted by initiator name, responder name, protocol and port. */
  readonly flows: readonly Flow[];
  /** Ids of links that carry no flow at all (the hosts' roles share no rule in force). */
  readonly emptyLinks: readonly string[];
}

const SITE_SERVER: RoleId = 'site-server';

function wsusHttp(host: Host, settings: Settings): number {
  return host.options.wsusHttp ?? settings.ports.wsusHttp ?? 8530;
}

/** Conditions are evaluated on the host that holds the rule's `to` role. */
function conditionHolds(condition: RuleCondition, toHost: Host, settings: Settings): boolean {
  switch (condition) {
    case 'dp-pxe':
      return toHost.options.pxe === true;
    case 'dp-multicast':
      return toHost.options.multicast === true;
    case 'wsus-standard':
      return wsusHttp(toHost, settings) === 80;
    case 'wsus-alternate':
      return wsusHttp(toHost, settings) !== 80;
    case 'site-install-remote-sql':
      return settings.flags.includeSiteInstallation === true;
  }
}

/** The port in force: configured setting first (per-host WSUS ports before site settings), else the document's. */
export function resolvePort(rule: Rule, toHost: Host, settings: Settings): FlowPort {
  const key = rule.setting;
  if (key !== undefined) {
    const range = settings.ranges[key];
    if (range)
      return range.from === range.to ? { kind: 'single', port: range.from } : { kind: 'range', ...range };
    const hostPort =
      key === 'wsusHttp'
        ? toHost.options.wsusHttp
        : key === 'wsusHttps'
          ? toHost.options.wsusHttps
          : undefined;
    const port = hostPort ?? settings.ports[key];
    if (port !== undefined) return { kind: 'single', port };
  }
  if (typeof rule.port === 'number') return { kind: 'single', port: rule.port };
  const [from, to] = rule.port.split('-').map(Number);
  return { kind: 'range', from: from ?? 1, to: to ?? 65535 };
}

type Builder = {
  -readonly [K in keyof Flow]: Flow[K] extends readonly (infer T)[] ? T[] : Flow[K];
};

/**
 * Most flows come from one rule, so their lists are shared, frozen one-element arrays per rule
 * and role; a list is copied only when a merge adds a second value. This keeps a 100,000-flow
 * derivation from allocating a million small arrays.
 */
const singles = new Map<string | number, readonly (string | number)[]>();
function single<T extends string | number>(value: T): T[] {
  let list = singles.get(value);
  if (!list) {
    list = Object.freeze([value]);
    singles.set(value, list);
  }
  return list as T[];
}

const ruleNotes = new WeakMap<Rule, number[]>();
function notesOf(rule: Rule): number[] {
  let notes = ruleNotes.get(rule);
  if (!notes) {
    notes = Object.freeze([...rule.notes]) as number[];
    ruleNotes.set(rule, notes);
  }
  return notes;
}

function withValue<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list : [...list, value];
}

function withValues<T>(list: T[], values: readonly T[]): T[] {
  let out = list;
  for (const v of values) out = withValue(out, v);
  return out;
}

/** Collects the flows of one link; merging is local because a link's flows depend on its two hosts only. */
class FlowCollector {
  readonly flows: Builder[] = [];

  add(
    link: Link,
    initiator: Host,
    responder: Host,
    rule: Rule,
    port: FlowPort,
    initiatorRole: RoleId,
    responderRole: RoleId,
    bothInitiate: boolean,
  ): void {
    for (const flow of this.flows) {
      if (flow.initiator === initiator.id && flow.protocol === rule.protocol && samePort(flow.port, port)) {
        flow.services = withValue(flow.services, rule.service);
        flow.initiatorRoles = withValue(flow.initiatorRoles, initiatorRole);
        flow.responderRoles = withValue(flow.responderRoles, responderRole);
        flow.sections = withValue(flow.sections, rule.section);
        flow.ruleIds = withValue(flow.ruleIds, rule.id);
        flow.descriptions = withValue(flow.descriptions, rule.description);
        flow.notes = withValues(flow.notes, rule.notes);
        if (rule.setting !== undefined) {
          flow.configurable = true;
          flow.settings = withValue(flow.settings, rule.setting);
        }
        if (rule.port === 'dynamic') flow.dynamic = true;
        if (bothInitiate) flow.bothInitiate = true;
        return;
      }
    }
    this.flows.push({
      key: `${initiator.id}>${responder.id}/${rule.protocol}/${formatPort(port)}`,
      linkId: link.id,
      initiator: initiator.id,
      responder: responder.id,
      protocol: rule.protocol,
      port,
      service: rule.service,
      services: single(rule.service),
      initiatorRoles: single(initiatorRole),
      responderRoles: single(responderRole),
      sections: single(rule.section),
      ruleIds: single(rule.id),
      descriptions: single(rule.description),
      notes: notesOf(rule),
      configurable: rule.setting !== undefined,
      settings: rule.setting !== undefined ? single(rule.setting) : [],
      dynamic: rule.port === 'dynamic',
      bothInitiate,
    });
  }
}

/**
 * Note 5: a `< -- >` rule between the site server and a site system runs only from the site server
 * when the site system host has "connections must be initiated by the site server" set.
 */
function siteServerOnly(rule: Rule, fromHost: Host, toHost: Host, catalogue: Catalogue): boolean {
  if (rule.from === rule.to) return false;
  const systemSide =
    rule.from === SITE_SERVER
      ? { role: rule.to, host: toHost }
      : rule.to === SITE_SERVER
        ? { role: rule.from, host: fromHost }
        : undefined;
  if (!systemSide) return false;
  return (
    catalogue.roleById.get(systemSide.role)?.kind === 'site-system' &&
    systemSide.host.options.siteServerInitiates === true
  );
}

function applyRule(
  out: FlowCollector,
  link: Link,
  rule: Rule,
  fromHost: Host,
  toHost: Host,
  fromRole: RoleId,
  settings: Settings,
  catalogue: Catalogue,
): boolean {
  if (rule.condition !== undefined && !conditionHolds(rule.condition, toHost, settings)) return false;
  const port = resolvePort(rule, toHost, settings);
  if (!rule.bidirectional) {
    out.add(link, fromHost, toHost, rule, port, fromRole, rule.to, false);
    return true;
  }
  if (siteServerOnly(rule, fromHost, toHost, catalogue)) {
    const [server, system, serverRole, systemRole] =
      rule.from === SITE_SERVER
        ? [fromHost, toHost, rule.from, rule.to]
        : [toHost, fromHost, rule.to, rule.from];
    out.add(link, server, system, rule, port, serverRole, systemRole, false);
    return true;
  }
  out.add(link, fromHost, toHost, rule, port, fromRole, rule.to, true);
  out.add(link, toHost, fromHost, rule, port, rule.to, fromRole, true);
  return true;
}

function knownRoles(host: Host, catalogue: Catalogue): RoleId[] {
  return host.roles.filter((r) => catalogue.roleById.has(r));
}

function deriveLink(
  out: FlowCollector,
  link: Link,
  a: Host,
  b: Host,
  index: RuleIndex,
  settings: Settings,
  catalogue: Catalogue,
): void {
  const rolesA = knownRoles(a, catalogue);
  const rolesB = knownRoles(b, catalogue);
  for (const ra of rolesA) {
    for (const rb of rolesB) {
      for (const rule of index.byPair.get(pairKey(ra, rb)) ?? []) {
        applyRule(out, link, rule, a, b, ra, settings, catalogue);
      }
      if (ra === rb) continue;
      for (const rule of index.byPair.get(pairKey(rb, ra)) ?? []) {
        applyRule(out, link, rule, b, a, rb, settings, catalogue);
      }
    }
  }
  // Same role on both hosts (site server ↔ site server, SQL ↔ SQL, client ↔ client): the rule runs
  // from each side; the pair loop above took a → b, this takes b → a.
  for (const role of rolesA) {
    if (!rolesB.includes(role)) continue;
    for (const rule of index.byPair.get(pairKey(role, role)) ?? []) {
      applyRule(out, link, rule, b, a, role, settings, catalogue);
    }
  }
  for (const [from, to, toRoles, fromRoles] of [
    [a, b, rolesB, rolesA],
    [b, a, rolesA, rolesB],
  ] as const) {
    if (fromRoles.length === 0) continue;
    for (const rt of toRoles) {
      for (const rule of index.fromAny.get(rt) ?? []) {
        for (const fr of fromRoles) applyRule(out, link, rule, from, to, fr, settings, catalogue);
      }
    }
  }
}

/** The flows one host opens towards the other across a link, in protocol/port order. */
interface Half {
  readonly initiator: string;
  readonly responder: string;
  readonly flows: readonly Flow[];
}

interface LinkEntry {
  readonly a: Host;
  readonly b: Host;
  readonly settings: Settings;
  readonly index: RuleIndex;
  readonly halves: readonly Half[];
}

function splitHalves(flows: readonly Flow[], a: Host, b: Host): Half[] {
  const halves: Half[] = [];
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    const own = flows.filter((f) => f.initiator === from.id);
    if (own.length === 0) continue;
    own.sort(compareWithinPair);
    halves.push({ initiator: from.id, responder: to.id, flows: own });
  }
  return halves;
}

interface Ranking {
  readonly hosts: readonly Host[];
  readonly rank: ReadonlyMap<string, number>;
}

/** Per-catalogue memory: each link's flows (valid while its two hosts and the settings are the same objects) and the host order. */
interface Memory {
  links: WeakMap<Link, LinkEntry>;
  ranking?: Ranking;
}

const memories = new WeakMap<Catalogue, Memory>();
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Host order of the matrix: by name (numeric-aware), then id. Re-sorted only when a name changed. */
function rankHosts(hosts: readonly Host[], memory: Memory): ReadonlyMap<string, number> {
  const previous = memory.ranking;
  if (previous) {
    if (previous.hosts === hosts) return previous.rank;
    if (previous.hosts.length === hosts.length) {
      let same = true;
      for (let i = 0; i < hosts.length && same; i += 1) {
        const h = hosts[i]!;
        const p = previous.hosts[i]!;
        same = h === p || (h.id === p.id && h.name === p.name);
      }
      if (same) {
        memory.ranking = { hosts, rank: previous.rank };
        return previous.rank;
      }
    }
  }
  const sorted = [...hosts].sort(
    (x, y) => collator.compare(x.name, y.name) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
  const rank = new Map(sorted.map((h, i) => [h.id, i]));
  memory.ranking = { hosts, rank };
  return rank;
}

function compareWithinPair(x: Flow, y: Flow): number {
  return (x.protocol < y.protocol ? -1 : x.protocol > y.protocol ? 1 : 0) || comparePorts(x.port, y.port);
}

/**
 * Derives every flow a topology needs. For each link, every role pair across it contributes the
 * catalogue's rules: `-->` rules from their initiating side only, `< -- >` rules from both sides
 * (unless note 5 restricts them to the site server). Conditions are honoured, configured ports
 * replace defaults, `dynamic` becomes the configured RPC range, identical flows merge. Roles on the
 * same host talk locally and yield no network flow.
 *
 * Cost grows with links: rules are indexed by role pair once, a link's flows are remembered while
 * its hosts and the settings are unchanged (so one edit re-derives one host's links), and flows are
 * ordered by bucketing on the initiator's rank instead of a global sort.
 */
export function deriveFlows(document: DerivationInput, catalogue: Catalogue): Derivation {
  let memory = memories.get(catalogue);
  if (!memory) {
    memory = { links: new WeakMap() };
    memories.set(catalogue, memory);
  }
  const index = ruleIndex(catalogue, document.settings.supplementary);
  const settings = document.settings;
  const hostById = new Map<string, Host>();
  for (const h of document.hosts) hostById.set(h.id, h);
  const rank = rankHosts(document.hosts, memory);
  const buckets: Half[][] = new Array(document.hosts.length);
  const emptyLinks: string[] = [];
  const pairs = new Set<number>();
  const hostCount = document.hosts.length;
  for (const link of document.links) {
    const a = hostById.get(link.source);
    const b = hostById.get(link.target);
    if (!a || !b || a === b) {
      emptyLinks.push(link.id);
      continue;
    }
    const ra = rank.get(a.id) ?? 0;
    const rb = rank.get(b.id) ?? 0;
    const pair = ra < rb ? ra * hostCount + rb : rb * hostCount + ra;
    if (pairs.has(pair)) continue; // a second link between the same hosts carries the same flows
    pairs.add(pair);
    let entry = memory.links.get(link);
    if (!entry || entry.a !== a || entry.b !== b || entry.settings !== settings || entry.index !== index) {
      const out = new FlowCollector();
      deriveLink(out, link, a, b, index, settings, catalogue);
      entry = { a, b, settings, index, halves: splitHalves(out.flows, a, b) };
      memory.links.set(link, entry);
    }
    const halves = entry.halves;
    if (halves.length === 0) emptyLinks.push(link.id);
    for (const half of halves) {
      const r = half.initiator === a.id ? ra : rb;
      const bucket = buckets[r];
      if (bucket) bucket.push(half);
      else buckets[r] = [half];
    }
  }
  const flows: Flow[] = [];
  const byResponder = (x: Half, y: Half) => (rank.get(x.responder) ?? 0) - (rank.get(y.responder) ?? 0);
  for (const bucket of buckets) {
    if (!bucket) continue;
    if (bucket.length > 1) bucket.sort(byResponder);
    for (const half of bucket) {
      for (const flow of half.flows) flows.push(flow);
    }
  }
  return { flows, emptyLinks };
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
