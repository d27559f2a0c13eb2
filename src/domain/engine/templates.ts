import type { Catalogue, RoleId, Rule } from '../catalogue-types';
import type { Host, Link, Settings } from '../document';
import { comparePorts, type Flow, type FlowPort, samePort } from '../flow';
import type { RuleIndex } from '../rule-index';
import {
  conditionHolds,
  type HostReads,
  hasOwnPort,
  knownRoles,
  resolvePort,
  SITE_SERVER,
  siteServerOnly,
} from './host-reads';
import type { FlowContent, LinkFlows } from './link-flows';

/** The flow contents between two kinds of host, per direction: `ab` from the first to the second. */
export type Template = LinkFlows;

type Builder = {
  -readonly [K in keyof Flow]: Flow[K] extends readonly (infer T)[] ? T[] : Flow[K];
};

const NONE = Object.freeze([]) as unknown as string[];
const NO_CONTENT: readonly FlowContent[] = Object.freeze([]);

/** The value under `key`, made and kept on first use. */
function cached<K, V>(
  cache: { get(key: K): V | undefined; set(key: K, value: V): unknown },
  key: K,
  make: () => V,
): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

function withValue<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list : [...list, value];
}

function withValues<T>(list: T[], values: readonly T[]): T[] {
  let out = list;
  for (const v of values) out = withValue(out, v);
  return out;
}

function compareWithinPair(x: Flow, y: Flow): number {
  return (x.protocol < y.protocol ? -1 : x.protocol > y.protocol ? 1 : 0) || comparePorts(x.port, y.port);
}

function contentOf(flow: Flow): FlowContent {
  const { initiator: _i, responder: _r, linkId: _l, ...content } = flow as Flow & Record<string, unknown>;
  return content;
}

/**
 * Makes the flow contents between kinds of host for one catalogue, and keeps them. A link's flows
 * depend on its two hosts' signatures, the settings and the rule index only, so they are derived
 * once per kind of host pair and shared. Owned by one deriver: every cache here is per catalogue.
 *
 * @example
 * const templates = new Templates(catalogue, hostReads(catalogue));
 * templates.of(link, a, b, signature(a, reads), signature(b, reads), index, settings);
 */
export class Templates {
  /** Templates per rule index and settings, then by the signatures of the two hosts. */
  private readonly byIndex = new WeakMap<RuleIndex, WeakMap<Settings, Map<string, Map<string, Template>>>>();
  /** Ports per settings and rule: most rules resolve alike for every host, so ports are made once. */
  private readonly ports = new WeakMap<Settings, Map<Rule, FlowPort>>();
  /**
   * Most flows come from one rule, so their lists are shared, frozen one-element arrays per value;
   * a list is copied only when a merge adds a second value. This keeps a 100,000-flow derivation
   * from allocating a million small arrays.
   */
  private readonly singles = new Map<string | number, readonly (string | number)[]>();
  private readonly notes = new Map<Rule, number[]>();

  constructor(
    private readonly catalogue: Catalogue,
    private readonly reads: HostReads,
  ) {}

  /**
   * The flow contents between hosts like `a` and `b` across `link`, per direction.
   *
   * @param link - A link between `a` (its source) and `b` (its target).
   * @param a - The link's source host; `sigA` its signature.
   * @param b - The link's target host; `sigB` its signature.
   * @param index - The rule index for the document's supplementary lists.
   * @param settings - The document's settings.
   * @returns What `a` opens on `b` (`ab`) and the reverse (`ba`), each in protocol/port order.
   * @example
   * templates.of(link, client, mp, sigC, sigMp, index, settings).ab.length; // 3 (TCP 80, 443, 10123)
   */
  of(
    link: Link,
    a: Host,
    b: Host,
    sigA: string,
    sigB: string,
    index: RuleIndex,
    settings: Settings,
  ): Template {
    const bySettings = cached(
      this.byIndex,
      index,
      () => new WeakMap<Settings, Map<string, Map<string, Template>>>(),
    );
    const byA = cached(bySettings, settings, () => new Map<string, Map<string, Template>>());
    const byB = cached(byA, sigA, () => new Map<string, Template>());
    return cached(byB, sigB, () => this.build(link, a, b, index, settings));
  }

  private build(link: Link, a: Host, b: Host, index: RuleIndex, settings: Settings): Template {
    const out: Builder[] = [];
    this.deriveLink(out, link, a, b, index, settings);
    const ab: FlowContent[] = [];
    const ba: FlowContent[] = [];
    for (const f of out.sort(compareWithinPair)) (f.initiator === a.id ? ab : ba).push(contentOf(f));
    return { ab: ab.length > 0 ? ab : NO_CONTENT, ba: ba.length > 0 ? ba : NO_CONTENT };
  }

  /**
   * Every role pair across the link contributes its rules: `-->` rules from their initiating side
   * only, `< -- >` rules from both sides. Roles on the same host talk locally and add nothing.
   */
  private deriveLink(
    out: Builder[],
    link: Link,
    a: Host,
    b: Host,
    index: RuleIndex,
    settings: Settings,
  ): void {
    const rolesA = knownRoles(a, this.catalogue);
    const rolesB = knownRoles(b, this.catalogue);
    for (const ra of rolesA) {
      for (const rb of rolesB) {
        for (const rule of index.byPair.get(ra)?.get(rb) ?? [])
          this.apply(out, link, rule, a, b, ra, settings);
        if (ra === rb) continue;
        for (const rule of index.byPair.get(rb)?.get(ra) ?? [])
          this.apply(out, link, rule, b, a, rb, settings);
      }
    }
    // Same role on both hosts (site server ↔ site server, SQL ↔ SQL, client ↔ client): the rule runs
    // from each side; the pair loop above took a → b, this takes b → a.
    for (const role of rolesA) {
      if (!rolesB.includes(role)) continue;
      for (const rule of index.byPair.get(role)?.get(role) ?? [])
        this.apply(out, link, rule, b, a, role, settings);
    }
    for (const [from, to, toRoles, fromRoles] of [
      [a, b, rolesB, rolesA],
      [b, a, rolesA, rolesB],
    ] as const) {
      if (fromRoles.length === 0) continue;
      for (const rt of toRoles) {
        for (const rule of index.fromAny.get(rt) ?? []) {
          for (const fr of fromRoles) this.apply(out, link, rule, from, to, fr, settings);
        }
      }
    }
  }

  private apply(
    out: Builder[],
    link: Link,
    rule: Rule,
    fromHost: Host,
    toHost: Host,
    fromRole: RoleId,
    settings: Settings,
  ): void {
    if (!conditionHolds(rule, fromHost, toHost, settings, this.reads)) return;
    const port = this.portFor(rule, toHost, settings);
    if (!rule.bidirectional) {
      this.add(out, link, fromHost, toHost, rule, port, fromRole, rule.to, false);
    } else if (siteServerOnly(rule, fromHost, toHost, this.catalogue)) {
      const [server, system, serverRole, systemRole] =
        rule.from === SITE_SERVER
          ? [fromHost, toHost, rule.from, rule.to]
          : [toHost, fromHost, rule.to, rule.from];
      this.add(out, link, server, system, rule, port, serverRole, systemRole, false);
    } else {
      this.add(out, link, fromHost, toHost, rule, port, fromRole, rule.to, true);
      this.add(out, link, toHost, fromHost, rule, port, rule.to, fromRole, true);
    }
  }

  /** The port in force, shared between flows unless the host sets its own. */
  private portFor(rule: Rule, toHost: Host, settings: Settings): FlowPort {
    if (hasOwnPort(rule, toHost, this.reads)) return resolvePort(rule, toHost, settings, this.reads);
    const byRule = cached(this.ports, settings, () => new Map<Rule, FlowPort>());
    return cached(byRule, rule, () => resolvePort(rule, toHost, settings, this.reads));
  }

  /** Adds one flow, merging it into an earlier one with the same initiator, protocol and port. */
  private add(
    out: Builder[],
    link: Link,
    initiator: Host,
    responder: Host,
    rule: Rule,
    port: FlowPort,
    initiatorRole: RoleId,
    responderRole: RoleId,
    bothInitiate: boolean,
  ): void {
    for (const flow of out) {
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
    out.push({
      linkId: link.id,
      initiator: initiator.id,
      responder: responder.id,
      protocol: rule.protocol,
      port,
      service: rule.service,
      services: this.single(rule.service),
      initiatorRoles: this.single(initiatorRole),
      responderRoles: this.single(responderRole),
      sections: this.single(rule.section),
      ruleIds: this.single(rule.id),
      descriptions: this.single(rule.description),
      notes: cached(this.notes, rule, () => Object.freeze([...rule.notes]) as number[]),
      configurable: rule.setting !== undefined,
      settings: rule.setting !== undefined ? this.single(rule.setting) : NONE,
      dynamic: rule.port === 'dynamic',
      bothInitiate,
    });
  }

  private single<T extends string | number>(value: T): T[] {
    return cached(this.singles, value, () => Object.freeze([value])) as T[];
  }
}
