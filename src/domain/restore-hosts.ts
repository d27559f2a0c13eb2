/**
 * Restore of the host list: ids, names, roles, options and the host fields with a fixed form.
 *
 * Each host costs its own objects and nothing more: the words of a report line (the host's quoted
 * name, the field's subject) are made only when a line is due, and site codes and roles already
 * found good in this file are not checked again (a 100,000-host file has a few hundred of each).
 */

import type { Catalogue } from './catalogue-types';
import type { Host, HostOptions, SiteType } from './document';
import { checkFqdn, checkSiteCode } from './host-fields';
import { checkIp, plainIpv4 } from './ip';
import { type Message, message } from './message';
import {
  describe,
  isId,
  isObject,
  isPlainText,
  type Json,
  own,
  quoted,
  readPort,
  text,
} from './restore-values';
import { checkWsusPair } from './settings';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const SITE_TYPES: readonly unknown[] = ['cas', 'primary', 'secondary'] satisfies readonly SiteType[];
const FLAGS = ['pxe', 'multicast', 'siteServerInitiates', 'pull', 'cmgClassic'] as const;
/** Up to this many roles a host's list is deduplicated by searching it; longer lists use a set. */
const SHORT_LIST = 16;

/** What reading one file's hosts shares: the catalogue, the report and the values found good. */
interface HostReader {
  readonly catalogue: Catalogue;
  readonly problems: Message[];
  /** Site codes kept as they are (checkSiteCode found nothing). */
  readonly sites: Set<string>;
  /** Roles with an id's form that the catalogue knows. */
  readonly roles: Set<string>;
  /** Keep a roles list or an options object of the file that is already as restored (just parsed). */
  readonly reuse: boolean;
}

/** Whether a parsed object has no fields (it has no inherited or hidden ones either). */
function isEmpty(value: Json): boolean {
  for (const _ in value) return false;
  return true;
}

/** `Host "DP01": FQDN`, the subject of a report line about one field of a host. */
const hostField = (name: string, field: string): Message =>
  message('restore:subject.hostField', {
    host: quoted(name),
    field: { message: message(`restore:field.${field}`) },
  });

/** A text field of a host, as `text` reads it; the field's subject is made only for a report line. */
function fieldText(value: unknown, name: string, field: string, problems: Message[]): string | undefined {
  return isPlainText(value) ? (value ?? undefined) : text(value, hostField(name, field), problems);
}

/** A site code field: kept when the inspector would accept it, dropped with a report otherwise. */
function siteCode(value: unknown, name: string, field: string, reader: HostReader): string | undefined {
  if (typeof value === 'string' && reader.sites.has(value)) return value;
  const { problems } = reader;
  const code = fieldText(value, name, field, problems);
  if (code === undefined) return undefined;
  if (code.trim() === '') {
    if (code !== '')
      problems.push(message('restore:host.blank', { what: { message: hostField(name, field) } }));
    return undefined;
  }
  // The rule and the words are checkSiteCode's (the inspector's).
  const problem = checkSiteCode(code);
  if (!problem) {
    if (code === value) reader.sites.add(code);
    return code;
  }
  const what = { message: hostField(name, field) };
  problems.push(message('restore:host.siteCode', { what, problem: { message: problem } }));
  return undefined;
}

function restoreOptions(value: unknown, name: string, reader: HostReader): HostOptions {
  if (value === undefined) return {};
  const { problems } = reader;
  if (!isObject(value)) {
    problems.push(message('restore:host.optionsReset', { host: quoted(name) }));
    return {};
  }
  if (reader.reuse && isEmpty(value)) return value;
  const options: Mutable<HostOptions> = {};
  for (const flag of FLAGS) {
    const v = own(value, flag);
    if (v === undefined) continue;
    if (typeof v === 'boolean') options[flag] = v;
    else problems.push(message('restore:host.optionNotBoolean', { host: quoted(name), option: flag }));
  }
  const siteType = own(value, 'siteType');
  if (siteType !== undefined) {
    if (SITE_TYPES.includes(siteType)) options.siteType = siteType as SiteType;
    else problems.push(message('restore:host.siteType', { host: quoted(name), value: describe(siteType) }));
  }
  const parentSite = siteCode(own(value, 'parentSite'), name, 'parentSite', reader);
  if (parentSite) options.parentSite = parentSite;
  const sqlPort = own(value, 'sqlPort');
  if (sqlPort !== undefined) {
    const port = readPort(sqlPort);
    if (port.ok) options.sqlPort = port.value;
    else
      problems.push(
        message('restore:host.sqlPort', { host: quoted(name), problem: { message: port.error } }),
      );
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
      problems.push(message('restore:host.wsusPorts', { host: quoted(name), problem: { message: problem } }));
    }
  }
  return options;
}

/** Whether a parsed list holds only roles found good before, each once: then it is kept as it is. */
function knownRoles(raw: readonly unknown[], reader: HostReader): boolean {
  if (raw.length > SHORT_LIST) return false;
  for (let i = 0; i < raw.length; i += 1) {
    const role = raw[i];
    if (typeof role !== 'string' || !reader.roles.has(role)) return false;
    for (let j = 0; j < i; j += 1) if (raw[j] === role) return false;
  }
  return true;
}

function restoreRoles(raw: unknown, name: string, reader: HostReader): string[] {
  if (raw === undefined) return [];
  const { problems } = reader;
  if (!Array.isArray(raw)) {
    problems.push(message('restore:host.rolesNotList', { host: quoted(name) }));
    return [];
  }
  if (reader.reuse && knownRoles(raw, reader)) return raw;
  const roles: string[] = [];
  // A short list is searched; a long one is deduplicated with a set, so it never costs its square.
  const seen = raw.length > SHORT_LIST ? new Set<string>() : undefined;
  for (let i = 0; i < raw.length; i += 1) {
    const role: unknown = raw[i];
    if (typeof role !== 'string') {
      problems.push(message('restore:host.roleNotText', { host: quoted(name) }));
      continue;
    }
    const known = reader.roles.has(role);
    if (!known && !isId(role)) {
      problems.push(message('restore:host.roleNotId', { host: quoted(name), role: quoted(role) }));
      continue;
    }
    if (seen ? seen.has(role) : roles.includes(role)) continue;
    seen?.add(role);
    roles.push(role);
    if (known) continue;
    if (reader.catalogue.roleById.has(role)) reader.roles.add(role);
    else problems.push(message('restore:host.unknownRole', { host: quoted(name), role }));
  }
  return roles;
}

/** A host's FQDN when the inspector would accept it; a line for a blank or bad one. */
function keptFqdn(value: unknown, name: string, problems: Message[]): string | undefined {
  const fqdn = fieldText(value, name, 'fqdn', problems);
  if (!fqdn) return undefined;
  if (fqdn.trim() === '') {
    problems.push(message('restore:host.blank', { what: { message: hostField(name, 'fqdn') } }));
    return undefined;
  }
  // The rule and the words are checkFqdn's (the inspector's).
  const problem = checkFqdn(fqdn);
  if (!problem) return fqdn;
  problems.push(message('restore:host.fqdn', { host: quoted(name), problem: { message: problem } }));
  return undefined;
}

/** A host's address, trimmed, when checkIp accepts it; a line for a blank or bad one. */
function keptIp(value: unknown, name: string, problems: Message[]): string | undefined {
  const ip = fieldText(value, name, 'ip', problems);
  if (!ip) return undefined;
  // Most addresses are plain IPv4, which checkIp accepts as they are.
  if (plainIpv4(ip)) return ip;
  if (ip.trim() === '') {
    // A blank IP used to be kept as "" and then vanish on the next reopen without a word.
    problems.push(message('restore:host.blank', { what: { message: hostField(name, 'ip') } }));
    return undefined;
  }
  const ipProblem = checkIp(ip);
  if (!ipProblem) return ip.trim();
  problems.push(message('restore:host.ip', { host: quoted(name), problem: { message: ipProblem } }));
  return undefined;
}

function restoreHost(item: Json, id: string, reader: HostReader): Host {
  const { problems } = reader;
  const rawName = own(item, 'name');
  const nameValue = isPlainText(rawName)
    ? (rawName ?? undefined)
    : text(rawName, message('restore:subject.hostName', { id }), problems);
  const name = nameValue && nameValue.trim() !== '' ? nameValue : id;
  const roles = restoreRoles(own(item, 'roles'), name, reader);
  const options = restoreOptions(own(item, 'options'), name, reader);
  const fqdn = keptFqdn(own(item, 'fqdn'), name, problems);
  const ip = keptIp(own(item, 'ip'), name, problems);
  const site = siteCode(own(item, 'site'), name, 'siteCode', reader) || undefined;
  const zone = fieldText(own(item, 'zone'), name, 'zone', problems) || undefined;
  const notes = fieldText(own(item, 'notes'), name, 'notes', problems) || undefined;
  // The usual host made in one go, with its fields in the same order as below.
  if (
    fqdn === undefined &&
    ip !== undefined &&
    site !== undefined &&
    zone !== undefined &&
    notes === undefined
  )
    return { id, name, roles, options, ip, site, zone };
  const host: Mutable<Host> = { id, name, roles, options };
  if (fqdn !== undefined) host.fqdn = fqdn;
  if (ip !== undefined) host.ip = ip;
  if (site !== undefined) host.site = site;
  if (zone !== undefined) host.zone = zone;
  if (notes !== undefined) host.notes = notes;
  return host;
}

/** The restored hosts, and each host id's place in the list. */
export interface RestoredHosts {
  readonly hosts: Host[];
  readonly indexById: ReadonlyMap<string, number>;
}

/**
 * Restores the host list: drops items that are not hosts or have no usable id, repairs or drops
 * each field with a report line, and refuses the document when host ids repeat.
 *
 * @param raw - the `hosts` list as read (already within the caps of limits.ts)
 * @param catalogue - the role catalogue, to flag unknown roles
 * @param problems - report lines (messages) are appended here
 * @param reuse - keep a roles list or options object of `raw` that is already as restored: only for
 *   a list nobody else holds (just parsed)
 * @returns the hosts and each id's index, or the refusal naming the duplicate ids
 * @example restoreHosts([{ id: 'a', name: 'A', roles: ['client'] }], catalogue, []).hosts
 */
export function restoreHosts(
  raw: readonly unknown[],
  catalogue: Catalogue,
  problems: Message[],
  reuse = false,
): RestoredHosts | Message {
  const reader: HostReader = { catalogue, problems, sites: new Set(), roles: new Set(), reuse };
  const hosts: Host[] = [];
  const indexById = new Map<string, number>();
  let repeated: Set<string> | undefined;
  for (let index = 0; index < raw.length; index += 1) {
    const item = raw[index];
    if (!isObject(item)) {
      problems.push(message('restore:host.notObject', { n: index + 1 }));
      continue;
    }
    const id = own(item, 'id');
    if (!isId(id)) {
      problems.push(message('restore:host.badId', { n: index + 1, index, value: describe(id) }));
      continue;
    }
    // One look-up: a repeated id (the document is then refused) leaves the size as it was.
    const size = indexById.size;
    indexById.set(id, hosts.length);
    if (indexById.size === size) {
      repeated ??= new Set();
      repeated.add(id);
    }
    hosts.push(restoreHost(item, id, reader));
  }
  if (repeated) {
    const twice = repeated;
    // Named in the order the ids first appear.
    const duplicates = [...indexById.keys()].filter((id) => twice.has(id));
    return message('restore:refusal.duplicateHostIds', { ids: duplicates.join(', ') });
  }
  return { hosts, indexById };
}
