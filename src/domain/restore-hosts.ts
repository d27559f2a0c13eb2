/** Restore of the host list: ids, names, roles, options and the host fields with a fixed form. */

import type { Catalogue } from './catalogue-types';
import type { Host, HostOptions, SiteType } from './document';
import { checkFqdn, checkSiteCode } from './host-fields';
import { checkIp } from './ip';
import { describe, ID_PATTERN, isObject, type Json, own, quote, readPort, text } from './restore-values';
import { checkWsusPair } from './settings';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const SITE_TYPES: readonly unknown[] = ['cas', 'primary', 'secondary'] satisfies readonly SiteType[];

/** A site code field: kept when the inspector would accept it, dropped with a report otherwise. */
function siteCode(value: unknown, what: string, problems: string[]): string | undefined {
  const code = text(value, what, problems);
  if (code === undefined) return undefined;
  if (code.trim() === '') {
    if (code !== '') problems.push(`${what} is blank and was dropped`);
    return undefined;
  }
  const problem = checkSiteCode(code);
  if (!problem) return code;
  problems.push(`${what} dropped: ${problem}`);
  return undefined;
}

function restoreOptions(value: unknown, what: string, problems: string[]): HostOptions {
  if (value === undefined) return {};
  if (!isObject(value)) {
    problems.push(`${what}: options are not an object and were reset`);
    return {};
  }
  const options: Mutable<HostOptions> = {};
  for (const flag of ['pxe', 'multicast', 'siteServerInitiates', 'pull', 'cmgClassic'] as const) {
    const v = own(value, flag);
    if (v === undefined) continue;
    if (typeof v === 'boolean') options[flag] = v;
    else problems.push(`${what}: option ${flag} is not true/false and was dropped`);
  }
  const siteType = own(value, 'siteType');
  if (siteType !== undefined) {
    if (SITE_TYPES.includes(siteType)) options.siteType = siteType as SiteType;
    else problems.push(`${what}: site type ${describe(siteType)} is not cas, primary or secondary`);
  }
  const parentSite = siteCode(own(value, 'parentSite'), `${what}: parent site`, problems);
  if (parentSite) options.parentSite = parentSite;
  const sqlPort = own(value, 'sqlPort');
  if (sqlPort !== undefined) {
    const port = readPort(sqlPort);
    if (port.ok) options.sqlPort = port.value;
    else problems.push(`${what}: SQL Server port dropped (${port.error})`);
  }
  const http = own(value, 'wsusHttp');
  const https = own(value, 'wsusHttps');
  if (http !== undefined || https !== undefined) {
    const h = readPort(http);
    const s = readPort(https);
    const pairProblem = h.ok && s.ok ? checkWsusPair(h.value, s.value) : 'both ports are needed';
    if (h.ok && s.ok && !pairProblem) {
      options.wsusHttp = h.value;
      options.wsusHttps = s.value;
    } else {
      problems.push(`${what}: WSUS ports dropped (${!h.ok ? h.error : !s.ok ? s.error : pairProblem})`);
    }
  }
  return options;
}

function restoreRoles(raw: unknown, catalogue: Catalogue, what: string, problems: string[]): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push(`${what}: roles are not a list and were dropped`);
    return [];
  }
  // A set, not `roles.includes`: a list of many roles must not cost its square.
  const roles = new Set<string>();
  for (const role of raw) {
    if (typeof role !== 'string') {
      problems.push(`${what}: a role that is not text was dropped`);
    } else if (!ID_PATTERN.test(role)) {
      problems.push(`${what}: role ${quote(role)} is not a role id and was dropped`);
    } else if (!roles.has(role)) {
      roles.add(role);
      if (!catalogue.roleById.has(role)) {
        problems.push(`${what}: unknown role "${role}" kept; it yields no flows`);
      }
    }
  }
  return [...roles];
}

function restoreHost(item: Json, id: string, catalogue: Catalogue, problems: string[]): Host {
  const nameValue = text(own(item, 'name'), `Host ${id}: name`, problems);
  const name = nameValue && nameValue.trim() !== '' ? nameValue : id;
  const what = `Host ${quote(name)}`;
  const host: Mutable<Host> = {
    id,
    name,
    roles: restoreRoles(own(item, 'roles'), catalogue, what, problems),
    options: restoreOptions(own(item, 'options'), what, problems),
  };
  const fqdn = text(own(item, 'fqdn'), `${what}: FQDN`, problems);
  if (fqdn && fqdn.trim() === '') {
    problems.push(`${what}: FQDN is blank and was dropped`);
  } else if (fqdn) {
    const fqdnProblem = checkFqdn(fqdn);
    if (fqdnProblem) problems.push(`${what}: FQDN dropped: ${fqdnProblem}`);
    else host.fqdn = fqdn;
  }
  const ip = text(own(item, 'ip'), `${what}: IP`, problems);
  if (ip && ip.trim() === '') {
    // A blank IP used to be kept as "" and then vanish on the next reopen without a word.
    problems.push(`${what}: IP is blank and was dropped`);
  } else if (ip) {
    const ipProblem = checkIp(ip);
    if (ipProblem) problems.push(`${what}: IP dropped, ${ipProblem}`);
    else host.ip = ip.trim();
  }
  const site = siteCode(own(item, 'site'), `${what}: site code`, problems);
  if (site) host.site = site;
  const zone = text(own(item, 'zone'), `${what}: zone`, problems);
  if (zone) host.zone = zone;
  const notes = text(own(item, 'notes'), `${what}: notes`, problems);
  if (notes) host.notes = notes;
  return host;
}

/**
 * Restores the host list: drops items that are not hosts or have no usable id, repairs or drops
 * each field with a report line, and refuses the document when host ids repeat.
 *
 * @param raw - the `hosts` list as read (already within the caps of limits.ts)
 * @param catalogue - the role catalogue, to flag unknown roles
 * @param problems - report lines are appended here
 * @returns the hosts, or the refusal naming the duplicate ids
 * @example restoreHosts([{ id: 'a', name: 'A', roles: ['client'] }], catalogue, [])
 */
export function restoreHosts(
  raw: readonly unknown[],
  catalogue: Catalogue,
  problems: string[],
): Host[] | string {
  const hosts: Host[] = [];
  const counts = new Map<string, number>();
  for (let index = 0; index < raw.length; index += 1) {
    const item = raw[index];
    if (!isObject(item)) {
      problems.push(`Host #${index + 1} is not an object and was dropped`);
      continue;
    }
    const id = own(item, 'id');
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
      problems.push(
        `Host #${index + 1} has no usable id (hosts[${index}].id is ${describe(id)}) and was dropped`,
      );
      continue;
    }
    counts.set(id, (counts.get(id) ?? 0) + 1);
    hosts.push(restoreHost(item, id, catalogue, problems));
  }
  const duplicates = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
  if (duplicates.length > 0) return `Duplicate host ids: ${duplicates.join(', ')}`;
  return hosts;
}
