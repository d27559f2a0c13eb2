import type { Catalogue, RoleId, Rule, RuleCondition } from './catalogue-types';
import type { Host, Link, Settings } from './document';
import { comparePorts, type Flow, type FlowPort, samePort } from './flow';
import type { RuleIndex } from './rule-index';

/** The role at the site end of note 5 (site server ↔ site system). */
export const SITE_SERVER: RoleId = 'site-server';

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

const portCache = new WeakMap<Settings, Map<Rule, FlowPort>>();

interface Cache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** The value under `key`, made and kept on first use. */
function cached<K, V>(cache: Cache<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/**
 * The port in force, shared between flows: most rules resolve the same way for every host under
 * one settings object, so the port objects are made once per rule and settings.
 */
function portFor(rule: Rule, toHost: Host, settings: Settings): FlowPort {
  if (
    (rule.setting === 'wsusHttp' && toHost.options.wsusHttp !== undefined) ||
    (rule.setting === 'wsusHttps' && toHost.options.wsusHttps !== undefined)
  ) {
    return resolvePort(rule, toHost, settings);
  }
  const byRule = cached(portCache, settings, () => new Map<Rule, FlowPort>());
  return cached(byRule, rule, () => resolvePort(rule, toHost, settings));
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

const NONE = Object.freeze([]) as unknown as string[];

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
      settings: rule.setting !== undefined ? single(rule.setting) : NONE,
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
  const port = portFor(rule, toHost, settings);
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

const known = new WeakMap<Host, RoleId[]>();

/** The host's roles the catalogue knows; unknown ids (from a newer catalogue) yield no flows. */
export function knownRoles(host: Host, catalogue: Catalogue): RoleId[] {
  let roles = known.get(host);
  if (!roles) {
    roles = host.roles.filter((r) => catalogue.roleById.has(r));
    known.set(host, roles);
  }
  return roles;
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
      for (const rule of index.byPair.get(ra)?.get(rb) ?? []) {
        applyRule(out, link, rule, a, b, ra, settings, catalogue);
      }
      if (ra === rb) continue;
      for (const rule of index.byPair.get(rb)?.get(ra) ?? []) {
        applyRule(out, link, rule, b, a, rb, settings, catalogue);
      }
    }
  }
  // Same role on both hosts (site server ↔ site server, SQL ↔ SQL, client ↔ client): the rule runs
  // from each side; the pair loop above took a → b, this takes b → a.
  for (const role of rolesA) {
    if (!rolesB.includes(role)) continue;
    for (const rule of index.byPair.get(role)?.get(role) ?? []) {
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
function compareWithinPair(x: Flow, y: Flow): number {
  return (x.protocol < y.protocol ? -1 : x.protocol > y.protocol ? 1 : 0) || comparePorts(x.port, y.port);
}

/**
 * The flows across one link, per direction, each in protocol/port order: `ab` what host `a` opens
 * on `b`, `ba` the reverse. The contents are shared with every link between alike hosts; the flows
 * themselves are made by `writeFlows` when they are laid out, so a link costs one small object here.
 */
export class LinkFlows {
  /** Matrix positions of the two hosts (`a` the link's source, `b` its target), set by the assembler. */
  rankA = 0;
  rankB = 0;
  constructor(
    readonly ab: readonly FlowContent[],
    readonly ba: readonly FlowContent[],
    readonly link: Link,
  ) {}
}

/** The flow contents host ranked `rank` opens across the link. */
export function contentsFrom(x: LinkFlows, rank: number): readonly FlowContent[] {
  return x.rankA === rank ? x.ab : x.ba;
}

/** Writes the flows the host ranked `rank` opens across the link into `out` from `at`; returns the next index. */
export function writeFlows(x: LinkFlows, rank: number, out: Flow[], at: number): number {
  let n = at;
  if (x.rankA === rank) {
    for (const content of x.ab) out[n++] = new SourceFlow(content, x.link);
  } else {
    for (const content of x.ba) out[n++] = new TargetFlow(content, x.link);
  }
  return n;
}

/** What a flow says apart from its hosts and link: shared by every link between alike hosts. */
export type FlowContent = Omit<Flow, 'initiator' | 'responder' | 'linkId'>;

/**
 * A flow as a view of shared content and its link. Links between hosts with the same roles and
 * options (most client groups, say) derive their content once; each flow then costs two fields.
 * `SourceFlow` is opened by the link's source host, `TargetFlow` by its target.
 */
abstract class LinkFlow implements Flow {
  constructor(
    readonly content: FlowContent,
    readonly link: Link,
  ) {}
  abstract readonly initiator: string;
  abstract readonly responder: string;
  get linkId() {
    return this.link.id;
  }
  get protocol() {
    return this.content.protocol;
  }
  get port() {
    return this.content.port;
  }
  get service() {
    return this.content.service;
  }
  get services() {
    return this.content.services;
  }
  get initiatorRoles() {
    return this.content.initiatorRoles;
  }
  get responderRoles() {
    return this.content.responderRoles;
  }
  get sections() {
    return this.content.sections;
  }
  get ruleIds() {
    return this.content.ruleIds;
  }
  get descriptions() {
    return this.content.descriptions;
  }
  get notes() {
    return this.content.notes;
  }
  get configurable() {
    return this.content.configurable;
  }
  get settings() {
    return this.content.settings;
  }
  get dynamic() {
    return this.content.dynamic;
  }
  get bothInitiate() {
    return this.content.bothInitiate;
  }
}

class SourceFlow extends LinkFlow {
  get initiator() {
    return this.link.source;
  }
  get responder() {
    return this.link.target;
  }
}

class TargetFlow extends LinkFlow {
  get initiator() {
    return this.link.target;
  }
  get responder() {
    return this.link.source;
  }
}

const NO_CONTENT: readonly FlowContent[] = Object.freeze([]);

/** The flow contents between two kinds of host, per direction: `ab` from the first to the second. */
export interface Template {
  readonly ab: readonly FlowContent[];
  readonly ba: readonly FlowContent[];
}

/**
 * Everything of a host that its flows depend on, as one string. Not cached per host object: the
 * engine keeps it with the host's place in the matrix, so a weak map of every host is not needed.
 */
export function signature(host: Host): string {
  const o = host.options;
  return `${host.roles.join(',')}|${o.pxe === true ? 1 : 0}${o.multicast === true ? 1 : 0}${o.siteServerInitiates === true ? 1 : 0}|${o.wsusHttp ?? ''}|${o.wsusHttps ?? ''}`;
}

/** Templates per rule index and settings, then by the signatures of the two hosts. */
const templates = new WeakMap<RuleIndex, WeakMap<Settings, Map<string, Map<string, Template>>>>();

function templateCache(index: RuleIndex, settings: Settings): Map<string, Map<string, Template>> {
  const bySettings = cached(
    templates,
    index,
    () => new WeakMap<Settings, Map<string, Map<string, Template>>>(),
  );
  return cached(bySettings, settings, () => new Map<string, Map<string, Template>>());
}

function contentOf(flow: Flow): FlowContent {
  const { initiator: _i, responder: _r, linkId: _l, ...content } = flow as Flow & Record<string, unknown>;
  return content;
}

/** Reused for every template: its flows are copied out. */
const scratch = new FlowCollector();

function buildTemplate(
  link: Link,
  a: Host,
  b: Host,
  index: RuleIndex,
  settings: Settings,
  catalogue: Catalogue,
): Template {
  scratch.flows.length = 0;
  deriveLink(scratch, link, a, b, index, settings, catalogue);
  const ab: FlowContent[] = [];
  const ba: FlowContent[] = [];
  const flows = [...scratch.flows].sort(compareWithinPair);
  scratch.flows.length = 0;
  for (const f of flows) (f.initiator === a.id ? ab : ba).push(contentOf(f));
  return { ab: ab.length > 0 ? ab : NO_CONTENT, ba: ba.length > 0 ? ba : NO_CONTENT };
}

/**
 * The flow contents between hosts like `a` and `b`, per direction. A link's flows depend on its two
 * hosts' roles and options (their signatures), the settings and the rule index only, so they are
 * derived once per kind of host pair and shared.
 */
export function templateFor(
  link: Link,
  a: Host,
  b: Host,
  sigA: string,
  sigB: string,
  index: RuleIndex,
  settings: Settings,
  catalogue: Catalogue,
): Template {
  // Reached once per pair of host kinds in a derivation (the engine keeps what it found), so the
  // closures here cost nothing per link.
  const byA = cached(templateCache(index, settings), sigA, () => new Map<string, Template>());
  const template = cached(byA, sigB, () => buildTemplate(link, a, b, index, settings, catalogue));
  return template;
}
