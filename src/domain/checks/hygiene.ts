import type { Host } from '../document';
import { checkIp, normaliseIp } from '../ip';
import { type CheckContext, joinWords } from './context';
import type { Finding } from './finding';
import { comparableName } from './host-names';

/** Links the engine derived no flow for: their hosts' roles share no rule in force. */
function emptyLinks(ctx: CheckContext): Finding[] {
  return ctx.derivation.emptyLinks.flatMap((id): Finding[] => {
    const link = ctx.linkById.get(id);
    if (!link) return [];
    const a = ctx.hostById.get(link.source);
    const b = ctx.hostById.get(link.target);
    const hosts = [link.source, link.target].filter((h) => ctx.hostById.has(h));
    const roles = (h: Host) => (h.roles.length > 0 ? ctx.roleList(h.roles) : 'no roles');
    const message =
      a && b
        ? `The link ${ctx.name(a.id)} – ${ctx.name(b.id)} carries no flow: no rule of the port document joins ${roles(a)} with ${roles(b)}`
        : `The link ${id} points to a missing host and carries no flow`;
    return [
      { id: `empty-link:${id}`, check: 'empty-link', severity: 'warning', message, hosts, links: [id] },
    ];
  });
}

/** Host names that differ only by case or whitespace: the flow matrix could not tell them apart. */
function duplicateNames(ctx: CheckContext): Finding[] {
  const groups = new Map<string, Host[]>();
  for (const host of ctx.hosts) {
    const key = comparableName(host.name);
    groups.set(key, [...(groups.get(key) ?? []), host]);
  }
  return [...groups.values()]
    .filter((hosts) => hosts.length > 1)
    .map((hosts) => {
      const ids = hosts.map((h) => h.id).sort();
      return {
        id: `duplicate-host-name:${ids.join('+')}`,
        check: 'duplicate-host-name',
        severity: 'warning',
        message: `Host names ${joinWords(hosts.map((h) => JSON.stringify(h.name)))} differ only by case or spaces; the flow matrix cannot tell the hosts apart`,
        hosts: hosts.map((h) => h.id),
        links: [],
      };
    });
}

/** Addresses that are not IPv4/IPv6 (with an optional prefix), and addresses two hosts share. */
function addresses(ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const byIp = new Map<string, Host[]>();
  for (const host of ctx.hosts) {
    if (host.ip === undefined || host.ip.trim() === '') continue;
    const problem = checkIp(host.ip);
    if (problem) {
      findings.push({
        id: `invalid-ip:${host.id}`,
        check: 'invalid-ip',
        severity: 'error',
        message: `${ctx.name(host.id)} has an invalid IP address: ${problem}`,
        hosts: [host.id],
        links: [],
      });
      continue;
    }
    const key = normaliseIp(host.ip);
    byIp.set(key, [...(byIp.get(key) ?? []), host]);
  }
  for (const [ip, hosts] of byIp) {
    if (hosts.length < 2) continue;
    findings.push({
      id: `duplicate-ip:${ip}`,
      check: 'duplicate-ip',
      severity: 'warning',
      message: `${joinWords(hosts.map((h) => ctx.name(h.id)))} share the IP address ${ip}`,
      hosts: hosts.map((h) => h.id),
      links: [],
    });
  }
  return findings;
}

/** Roles this catalogue does not know (kept from a newer one), and hosts with no role at all. */
function roles(ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const host of ctx.hosts) {
    const unknown = host.roles.filter((r) => !ctx.catalogue.roleById.has(r));
    if (unknown.length > 0) {
      findings.push({
        id: `unknown-role:${host.id}`,
        check: 'unknown-role',
        severity: 'warning',
        message: `${ctx.name(host.id)} has ${unknown.length === 1 ? 'a role' : 'roles'} this catalogue does not know (${unknown.map((r) => JSON.stringify(r)).join(', ')}), perhaps from a newer version; ${unknown.length === 1 ? 'it yields' : 'they yield'} no flows`,
        hosts: [host.id],
        links: [],
      });
    }
    if (host.roles.length === 0) {
      findings.push({
        id: `host-without-roles:${host.id}`,
        check: 'host-without-roles',
        severity: 'warning',
        message: `${ctx.name(host.id)} has no roles, so none of its links carries a flow`,
        hosts: [host.id],
        links: [],
      });
    }
  }
  return findings;
}

/**
 * Document hygiene: empty links, duplicate names and addresses, invalid addresses, unknown roles.
 *
 * @param ctx - The run's context (document, catalogue, derivation and lookups).
 * @returns The family's findings, unsorted (`runChecks` sorts and de-duplicates them).
 * @example
 * hygieneChecks(ctx); // e.g. a link whose hosts share no rule, two hosts named alike
 */
export function hygieneChecks(ctx: CheckContext): Finding[] {
  return [...emptyLinks(ctx), ...duplicateNames(ctx), ...addresses(ctx), ...roles(ctx)];
}
