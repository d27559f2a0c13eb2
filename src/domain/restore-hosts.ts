/** Restore of the host list: ids, names, roles, options and the host fields with a fixed form. */

import type { Catalogue } from './catalogue-types';
import type { Host, HostOptions, SiteType } from './document';
import { checkFqdn, checkSiteCode } from './host-fields';
import { checkIp } from './ip';
import { type Message, type MessageParam, message } from './message';
import { describe, ID_PATTERN, isObject, type Json, own, quoted, readPort, text } from './restore-values';
import { checkWsusPair } from './settings';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const SITE_TYPES: readonly unknown[] = ['cas', 'primary', 'secondary'] satisfies readonly SiteType[];

/** `Host "DP01": FQDN`, the subject of a report line about one field of a host. */
const hostField = (host: MessageParam, field: string): Message =>
  message('restore:subject.hostField', { host, field: { message: message(`restore:field.${field}`) } });

/** A site code field: kept when the inspector would accept it, dropped with a report otherwise. */
function siteCode(value: unknown, what: Message, problems: Message[]): string | undefined {
  const code = text(value, what, problems);
  if (code === undefined) return undefined;
  if (code.trim() === '') {
    if (code !== '') problems.push(message('restore:host.blank', { what: { message: what } }));
    return undefined;
  }
  // The rule and the words are checkSiteCode's (the inspector's).
  const problem = checkSiteCode(code);
  if (!problem) return code;
  problems.push(message('restore:host.siteCode', { what: { message: what }, problem: { message: problem } }));
  return undefined;
}

function restoreOptions(value: unknown, host: MessageParam, problems: Message[]): HostOptions {
  if (value === undefined) return {};
  if (!isObject(value)) {
    problems.push(message('restore:host.optionsReset', { host }));
    return {};
  }
  const options: Mutable<HostOptions> = {};
  for (const flag of ['pxe', 'multicast', 'siteServerInitiates', 'pull', 'cmgClassic'] as const) {
    const v = own(value, flag);
    if (v === undefined) continue;
    if (typeof v === 'boolean') options[flag] = v;
    else problems.push(message('restore:host.optionNotBoolean', { host, option: flag }));
  }
  const siteType = own(value, 'siteType');
  if (siteType !== undefined) {
    if (SITE_TYPES.includes(siteType)) options.siteType = siteType as SiteType;
    else problems.push(message('restore:host.siteType', { host, value: describe(siteType) }));
  }
  const parentSite = siteCode(own(value, 'parentSite'), hostField(host, 'parentSite'), problems);
  if (parentSite) options.parentSite = parentSite;
  const sqlPort = own(value, 'sqlPort');
  if (sqlPort !== undefined) {
    const port = readPort(sqlPort);
    if (port.ok) options.sqlPort = port.value;
    else problems.push(message('restore:host.sqlPort', { host, problem: { message: port.error } }));
  }
  const http = own(value, 'wsusHttp');
  const https = own(value, 'wsusHttps');
  if (http !== undefined || https !== undefined) {
    const h = readPort(http);
    const s = readPort(https);
    const pairProblem = h.ok && s.ok ? checkWsusPair(h.value, s.value) : undefined;
    if (h.ok && s.ok && !pairProblem) {
      options.wsusHttp = h.value;
      options.wsusHttps = s.value;
    } else {
      const problem = !h.ok ? h.error : !s.ok ? s.error : (pairProblem as Message);
      problems.push(message('restore:host.wsusPorts', { host, problem: { message: problem } }));
    }
  }
  return options;
}

function restoreRoles(raw: unknown, catalogue: Catalogue, host: MessageParam, problems: Message[]): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push(message('restore:host.rolesNotList', { host }));
    return [];
  }
  // A set, not `roles.includes`: a list of many roles must not cost its square.
  const roles = new Set<string>();
  for (const role of raw) {
    if (typeof role !== 'string') {
      problems.push(message('restore:host.roleNotText', { host }));
    } else if (!ID_PATTERN.test(role)) {
      problems.push(message('restore:host.roleNotId', { host, role: quoted(role) }));
    } else if (!roles.has(role)) {
      roles.add(role);
      if (!catalogue.roleById.has(role)) {
        problems.push(message('restore:host.unknownRole', { host, role }));
      }
    }
  }
  return [...roles];
}

function restoreHost(item: Json, id: string, catalogue: Catalogue, problems: Message[]): Host {
  const nameValue = text(own(item, 'name'), message('restore:subject.hostName', { id }), problems);
  const name = nameValue && nameValue.trim() !== '' ? nameValue : id;
  const who = quoted(name);
  const host: Mutable<Host> = {
    id,
    name,
    roles: restoreRoles(own(item, 'roles'), catalogue, who, problems),
    options: restoreOptions(own(item, 'options'), who, problems),
  };
  const fqdn = text(own(item, 'fqdn'), hostField(who, 'fqdn'), problems);
  if (fqdn && fqdn.trim() === '') {
    problems.push(message('restore:host.blank', { what: { message: hostField(who, 'fqdn') } }));
  } else if (fqdn) {
    // The rule and the words are checkFqdn's (the inspector's).
    const problem = checkFqdn(fqdn);
    if (problem) problems.push(message('restore:host.fqdn', { host: who, problem: { message: problem } }));
    else host.fqdn = fqdn;
  }
  const ip = text(own(item, 'ip'), hostField(who, 'ip'), problems);
  if (ip && ip.trim() === '') {
    // A blank IP used to be kept as "" and then vanish on the next reopen without a word.
    problems.push(message('restore:host.blank', { what: { message: hostField(who, 'ip') } }));
  } else if (ip) {
    const ipProblem = checkIp(ip);
    if (ipProblem) problems.push(message('restore:host.ip', { host: who, problem: { message: ipProblem } }));
    else host.ip = ip.trim();
  }
  const site = siteCode(own(item, 'site'), hostField(who, 'siteCode'), problems);
  if (site) host.site = site;
  const zone = text(own(item, 'zone'), hostField(who, 'zone'), problems);
  if (zone) host.zone = zone;
  const notes = text(own(item, 'notes'), hostField(who, 'notes'), problems);
  if (notes) host.notes = notes;
  return host;
}

/**
 * Restores the host list: drops items that are not hosts or have no usable id, repairs or drops
 * each field with a report line, and refuses the document when host ids repeat.
 *
 * @param raw - the `hosts` list as read (already within the caps of limits.ts)
 * @param catalogue - the role catalogue, to flag unknown roles
 * @param problems - report lines (messages) are appended here
 * @returns the hosts, or the refusal naming the duplicate ids
 * @example restoreHosts([{ id: 'a', name: 'A', roles: ['client'] }], catalogue, [])
 */
export function restoreHosts(
  raw: readonly unknown[],
  catalogue: Catalogue,
  problems: Message[],
): Host[] | Message {
  const hosts: Host[] = [];
  const counts = new Map<string, number>();
  for (let index = 0; index < raw.length; index += 1) {
    const item = raw[index];
    if (!isObject(item)) {
      problems.push(message('restore:host.notObject', { n: index + 1 }));
      continue;
    }
    const id = own(item, 'id');
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
      problems.push(message('restore:host.badId', { n: index + 1, index, value: describe(id) }));
      continue;
    }
    counts.set(id, (counts.get(id) ?? 0) + 1);
    hosts.push(restoreHost(item, id, catalogue, problems));
  }
  const duplicates = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
  if (duplicates.length > 0)
    return message('restore:refusal.duplicateHostIds', { ids: duplicates.join(', ') });
  return hosts;
}
