import type { Catalogue, RoleId, Rule, RuleCondition } from './catalogue-types';
import type { Host, Link, Settings, TopologyDocument } from './document';
import { comparePorts, type Flow, type FlowPort, formatPort } from './flow';
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

interface Builder {
  key: string;
  linkId: string;
  initiator: string;
  responder: string;
  protocol: Flow['protocol'];
  port: FlowPort;
  service: string;
  services: string[];
  initiatorRoles: string[];
  responderRoles: string[];
  sections: string[];
  ruleIds: string[];
  descriptions: string[];
  notes: number[];
  configurable: boolean;
  settings: string[];
  dynamic: boolean;
  bothInitiate: boolean;
}

function addUnique<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}

class FlowCollector {
  readonly byKey = new Map<string, Builder>();

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
    const key = `${initiator.id}>${responder.id}/${rule.protocol}/${formatPort(port)}`;
    let flow = this.byKey.get(key);
    if (!flow) {
      flow = {
        key,
        linkId: link.id,
        initiator: initiator.id,
        responder: responder.id,
        protocol: rule.protocol,
        port,
        service: rule.service,
        services: [],
        initiatorRoles: [],
        responderRoles: [],
        sections: [],
        ruleIds: [],
        descriptions: [],
        notes: [],
        configurable: false,
        settings: [],
        dynamic: false,
        bothInitiate: false,
      };
      this.byKey.set(key, flow);
    }
    addUnique(flow.services, rule.service);
    addUnique(flow.initiatorRoles, initiatorRole);
    addUnique(flow.responderRoles, responderRole);
    addUnique(flow.sections, rule.section);
    addUnique(flow.ruleIds, rule.id);
    addUnique(flow.descriptions, rule.description);
    for (const n of rule.notes) addUnique(flow.notes, n);
    if (rule.setting !== undefined) {
      flow.configurable = true;
      addUnique(flow.settings, rule.setting);
    }
    if (rule.port === 'dynamic') flow.dynamic = true;
    if (bothInitiate) flow.bothInitiate = true;
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
): boolean {
  let any = false;
  const rolesA = knownRoles(a, catalogue);
  const rolesB = knownRoles(b, catalogue);
  for (const ra of rolesA) {
    for (const rb of rolesB) {
      for (const rule of index.byPair.get(pairKey(ra, rb)) ?? []) {
        any = applyRule(out, link, rule, a, b, ra, settings, catalogue) || any;
      }
      if (ra === rb) continue;
      for (const rule of index.byPair.get(pairKey(rb, ra)) ?? []) {
        any = applyRule(out, link, rule, b, a, rb, settings, catalogue) || any;
      }
    }
  }
  // Same role on both hosts (site server ↔ site server, SQL ↔ SQL, client ↔ client): the rule runs
  // from each side; the pair loop above took a → b, this takes b → a.
  for (const role of rolesA) {
    if (!rolesB.includes(role)) continue;
    for (const rule of index.byPair.get(pairKey(role, role)) ?? []) {
      any = applyRule(out, link, rule, b, a, role, settings, catalogue) || any;
    }
  }
  for (const [from, to, toRoles, fromRoles] of [
    [a, b, rolesB, rolesA],
    [b, a, rolesA, rolesB],
  ] as const) {
    if (fromRoles.length === 0) continue;
    for (const rt of toRoles) {
      for (const rule of index.fromAny.get(rt) ?? []) {
        for (const fr of fromRoles)
          any = applyRule(out, link, rule, from, to, fr, settings, catalogue) || any;
      }
    }
  }
  return any;
}

/**
 * Derives every flow a topology needs. For each link, every role pair across it contributes the
 * catalogue's rules: `-->` rules from their initiating side only, `< -- >` rules from both sides
 * (unless note 5 restricts them to the site server). Conditions are honoured, configured ports
 * replace defaults, `dynamic` becomes the configured RPC range, identical flows merge. Roles on the
 * same host talk locally and yield no network flow.
 */
export function deriveFlows(document: DerivationInput, catalogue: Catalogue): Derivation {
  const index = ruleIndex(catalogue, document.settings.supplementary);
  const hostById = new Map(document.hosts.map((h) => [h.id, h]));
  const out = new FlowCollector();
  const emptyLinks: string[] = [];
  for (const link of document.links) {
    const a = hostById.get(link.source);
    const b = hostById.get(link.target);
    if (!a || !b || a === b) {
      emptyLinks.push(link.id);
      continue;
    }
    if (!deriveLink(out, link, a, b, index, document.settings, catalogue)) emptyLinks.push(link.id);
  }
  const name = (id: string) => hostById.get(id)?.name ?? id;
  const flows: Flow[] = [...out.byKey.values()];
  flows.sort(
    (x, y) =>
      name(x.initiator).localeCompare(name(y.initiator)) ||
      name(x.responder).localeCompare(name(y.responder)) ||
      x.initiator.localeCompare(y.initiator) ||
      x.responder.localeCompare(y.responder) ||
      x.protocol.localeCompare(y.protocol) ||
      comparePorts(x.port, y.port),
  );
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
