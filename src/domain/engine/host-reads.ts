import type { Catalogue, RoleId, Rule, RuleCondition } from '../catalogue-types';
import type { Host, Settings } from '../document';
import type { FlowPort } from '../flow';

/**
 * What the engine reads of a host besides its roles: the options that rule conditions test, the
 * options that replace a port setting for flows to the host, and note 5's option. Each is declared
 * once here, beside the code that reads it, and the host signature is built from the ones the
 * catalogue's rules use, so a template is never shared by hosts whose flows differ.
 */

/** The role at the site end of note 5 (site server ↔ site system). */
export const SITE_SERVER: RoleId = 'site-server';

/** Note 5's host option: connections to this site system must be initiated by the site server. */
const NOTE_5_OPTION = 'siteServerInitiates';

/** A host option by name; options the document type does not list yet (newer editions) read the same way. */
function option(host: Host, key: string): unknown {
  return (host.options as Readonly<Record<string, unknown>>)[key];
}

interface Condition {
  /** The host the condition is tested on: the one holding the rule's `to` role, or its `from` role. */
  readonly on: 'to' | 'from';
  /** The host options the test reads. */
  readonly reads: readonly string[];
  readonly holds: (host: Host, settings: Settings, reads: HostReads) => boolean;
}

/** The WSUS HTTP port in force on `host`: its own, else the site's, else WSUS's default. */
function wsusHttp(host: Host, settings: Settings, reads: HostReads): number {
  return portSetting('wsusHttp', host, settings, reads) ?? 8530;
}

/** Every rule condition: a new one fails type-checking until it says what it reads and how it holds. */
const CONDITIONS: Record<RuleCondition, Condition> = {
  'dp-pxe': { on: 'to', reads: ['pxe'], holds: (h) => option(h, 'pxe') === true },
  'dp-multicast': { on: 'to', reads: ['multicast'], holds: (h) => option(h, 'multicast') === true },
  'wsus-standard': { on: 'to', reads: ['wsusHttp'], holds: (h, s, r) => wsusHttp(h, s, r) === 80 },
  'wsus-alternate': { on: 'to', reads: ['wsusHttp'], holds: (h, s, r) => wsusHttp(h, s, r) !== 80 },
  'site-install-remote-sql': {
    on: 'to',
    reads: [],
    holds: (_h, s) => s.flags.includeSiteInstallation === true,
  },
  'pull-dp': { on: 'from', reads: ['pull'], holds: (h) => option(h, 'pull') === true },
  'cmg-scale-set': { on: 'to', reads: ['cmgClassic'], holds: (h) => option(h, 'cmgClassic') !== true },
  'cmg-classic': { on: 'to', reads: ['cmgClassic'], holds: (h) => option(h, 'cmgClassic') === true },
  'sql-named-instance': { on: 'to', reads: ['sqlPort'], holds: (h) => option(h, 'sqlPort') !== undefined },
};

/**
 * Port settings a host overrides with its own option of this name. The 2018 files predate the
 * catalogue's `hostOption` field; a port setting that declares one adds to (or replaces) these.
 */
const BUILT_IN_PORT_OPTIONS: Readonly<Record<string, string>> = {
  wsusHttp: 'wsusHttp',
  wsusHttps: 'wsusHttps',
};

/** What the engine reads of hosts under one catalogue; built once per deriver. */
export interface HostReads {
  /** The host option that replaces each port setting for flows to the host that sets it. */
  readonly portOptions: ReadonlyMap<string, string>;
  /** Every host option some rule of the catalogue reads, sorted: the fields of the host signature. */
  readonly fields: readonly string[];
  /** The same fields as a set, and the signature's tail when a host sets none of them. */
  readonly fieldSet: ReadonlySet<string>;
  readonly blank: string;
}

/**
 * Collects the host options the catalogue's rules read: the options of the conditions they carry,
 * the host overrides of the port settings they name, and note 5's option where a `< -- >` rule joins
 * the site server and a site system.
 *
 * @param catalogue - The catalogue the engine derives with.
 * @returns The port overrides and the signature fields.
 * @example
 * hostReads(catalogue).fields; // ['multicast', 'pxe', 'siteServerInitiates', 'wsusHttp', 'wsusHttps']
 */
export function hostReads(catalogue: Catalogue): HostReads {
  const portOptions = new Map(Object.entries(BUILT_IN_PORT_OPTIONS));
  for (const def of catalogue.portSettings as readonly { key: string; hostOption?: string }[]) {
    if (def.hostOption !== undefined) portOptions.set(def.key, def.hostOption);
  }
  const fields = new Set<string>();
  for (const rule of [...catalogue.rules, ...catalogue.supplementaryRules]) {
    if (rule.condition !== undefined) for (const f of CONDITIONS[rule.condition].reads) fields.add(f);
    const own = rule.setting === undefined ? undefined : portOptions.get(rule.setting);
    if (own !== undefined) fields.add(own);
    if (rule.bidirectional && (rule.from === SITE_SERVER || rule.to === SITE_SERVER))
      fields.add(NOTE_5_OPTION);
  }
  const sorted = [...fields].sort();
  return { portOptions, fields: sorted, fieldSet: new Set(sorted), blank: '|'.repeat(sorted.length) };
}

/**
 * Everything of a host that its flows depend on, as one string: its roles and the options in
 * `reads.fields`. Hosts with equal signatures derive equal flows, so they share flow templates.
 *
 * @param host - A host of the document.
 * @param reads - What the engine reads under the catalogue in use ({@link hostReads}).
 * @returns Roles, then each field's value (`1` for true, empty for false or unset).
 * @example
 * signature({ id: 'd', name: 'DP1', roles: ['distribution-point'], options: { pxe: true } }, reads);
 * // 'distribution-point||1||||' with the 2018 catalogue's fields
 */
export function signature(host: Host, reads: HostReads): string {
  let sig = host.roles.join(',');
  // Most hosts set none of the options rules read: one look at their own keys, not one per field.
  let setsField = false;
  for (const key in host.options) {
    if (reads.fieldSet.has(key)) {
      setsField = true;
      break;
    }
  }
  if (!setsField) return sig + reads.blank;
  for (const field of reads.fields) {
    const v = option(host, field);
    sig += v === true ? '|1' : v === undefined || v === false ? '|' : `|${String(v)}`;
  }
  return sig;
}

/**
 * True when the rule's condition (if any) holds across a link.
 *
 * @param rule - A catalogue rule.
 * @param fromHost - The host holding the rule's `from` role.
 * @param toHost - The host holding the rule's `to` role.
 * @param settings - The document's settings.
 * @param reads - What the engine reads under the catalogue in use.
 * @returns Whether the rule is in force for this pair of hosts.
 * @example
 * conditionHolds(pxeRule, client, { ...dp, options: { pxe: true } }, settings, reads); // true
 */
export function conditionHolds(
  rule: Rule,
  fromHost: Host,
  toHost: Host,
  settings: Settings,
  reads: HostReads,
): boolean {
  if (rule.condition === undefined) return true;
  const condition = CONDITIONS[rule.condition];
  return condition.holds(condition.on === 'to' ? toHost : fromHost, settings, reads);
}

/** A port setting in force for flows to `host`: the host's own option first, else the site's. */
function portSetting(key: string, host: Host, settings: Settings, reads: HostReads): number | undefined {
  const own = reads.portOptions.get(key);
  const hostPort = own === undefined ? undefined : option(host, own);
  return typeof hostPort === 'number' ? hostPort : settings.ports[key];
}

/**
 * True when the host overrides the rule's port setting with its own option, so the port cannot be
 * shared with other hosts under the same settings.
 *
 * @param rule - A catalogue rule.
 * @param toHost - The host holding the rule's `to` role.
 * @param reads - What the engine reads under the catalogue in use.
 * @returns Whether `toHost` sets the option that replaces `rule.setting`.
 * @example
 * hasOwnPort(wsusRule, { ...sup, options: { wsusHttp: 80 } }, reads); // true
 */
export function hasOwnPort(rule: Rule, toHost: Host, reads: HostReads): boolean {
  const own = rule.setting === undefined ? undefined : reads.portOptions.get(rule.setting);
  return own !== undefined && typeof option(toHost, own) === 'number';
}

/**
 * The port in force: a configured range, else the host's own port option, else the site setting,
 * else the port the document writes.
 *
 * @param rule - A catalogue rule.
 * @param toHost - The host holding the rule's `to` role (per-host ports are set there).
 * @param settings - The document's settings.
 * @param reads - What the engine reads under the catalogue in use.
 * @returns One port or a range.
 * @example
 * resolvePort(rpcRule, sql, settings, reads); // { kind: 'range', from: 49152, to: 65535 }
 */
export function resolvePort(rule: Rule, toHost: Host, settings: Settings, reads: HostReads): FlowPort {
  const key = rule.setting;
  if (key !== undefined) {
    const range = settings.ranges[key];
    if (range)
      return range.from === range.to ? { kind: 'single', port: range.from } : { kind: 'range', ...range };
    const port = portSetting(key, toHost, settings, reads);
    if (port !== undefined) return { kind: 'single', port };
  }
  if (typeof rule.port === 'number') return { kind: 'single', port: rule.port };
  const [from, to] = rule.port.split('-').map(Number);
  return { kind: 'range', from: from ?? 1, to: to ?? 65535 };
}

/**
 * Note 5: a `< -- >` rule between the site server and a site system runs only from the site
 * server when the site system host has "connections must be initiated by the site server" set.
 *
 * @param rule - A bidirectional catalogue rule.
 * @param fromHost - The host holding the rule's `from` role.
 * @param toHost - The host holding the rule's `to` role.
 * @param catalogue - The catalogue in use (for the roles' kinds).
 * @returns Whether only the site server opens the connection.
 * @example
 * siteServerOnly(siteServerToMpRule, server, { ...mp, options: { siteServerInitiates: true } }, catalogue); // true
 */
export function siteServerOnly(rule: Rule, fromHost: Host, toHost: Host, catalogue: Catalogue): boolean {
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
    option(systemSide.host, NOTE_5_OPTION) === true
  );
}

/**
 * The host's roles the catalogue knows; unknown ids (from a newer catalogue) yield no flows.
 *
 * @param host - A host of the document.
 * @param catalogue - The catalogue in use.
 * @returns The host's role ids that `catalogue` defines, in the host's order.
 * @example
 * knownRoles({ ...host, roles: ['client', 'future-role'] }, catalogue); // ['client']
 */
export function knownRoles(host: Host, catalogue: Catalogue): RoleId[] {
  return host.roles.filter((r) => catalogue.roleById.has(r));
}
