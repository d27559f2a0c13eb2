import type { Host } from '../document';
import { type CheckContext, ROLE, siteCode } from './context';
import type { Finding } from './finding';
import { siteSystemRoles, suggestName } from './new-hosts';

/** Hosts that belong to a site: those with a site system role, and client groups. */
function isSiteMember(ctx: CheckContext, host: Host): boolean {
  return host.roles.some((r) => r === ROLE.client || ctx.catalogue.roleById.get(r)?.kind === 'site-system');
}

/**
 * A site (a site code on site systems or clients) with no site server. Hosts without a site code
 * only count when the topology has no site server at all.
 */
function sitesWithoutServer(ctx: CheckContext): Finding[] {
  const bySite = new Map<string, Host[]>();
  for (const host of ctx.hosts) {
    if (host.roles.includes(ROLE.siteServer) || !isSiteMember(ctx, host)) continue;
    if (ctx.hasSiteServerFor(host)) continue;
    const key = ctx.siteOf(host) ?? '';
    bySite.set(key, [...(bySite.get(key) ?? []), host]);
  }
  const systems = siteSystemRoles(ctx.catalogue);
  return [...bySite].map(([site, hosts]): Finding => {
    const count = hosts.length === 1 ? '1 host' : `${hosts.length} hosts`;
    const first = hosts[0]?.id ?? '';
    const linkTo = hosts
      .filter((h) => h.roles.some((r) => systems.has(r) || r === ROLE.sql))
      .map((h) => h.id);
    return {
      id: `site-without-site-server:${site || '(none)'}`,
      check: 'site-without-site-server',
      severity: 'error',
      message: site
        ? `Site ${site} has ${count} but no site server`
        : `The topology has site systems or clients but no site server`,
      hosts: hosts.map((h) => h.id),
      links: [],
      ghost: { source: first, missingRole: ROLE.siteServer },
      fix: {
        kind: 'add-host',
        role: ROLE.siteServer,
        name: suggestName(ctx, ROLE.siteServer, site || undefined),
        ...(site ? { site } : {}),
        linkTo,
        label: site ? `Add a site server for site ${site}` : 'Add a site server',
      },
    };
  });
}

/**
 * Note 5: site server and site systems talk both ways by default, so every site system host needs
 * a link to the site server of its site. Sites without a site server are reported above instead.
 */
function missingSiteServerLinks(ctx: CheckContext): Finding[] {
  const systems = siteSystemRoles(ctx.catalogue);
  const findings: Finding[] = [];
  for (const host of ctx.hosts) {
    if (host.roles.includes(ROLE.siteServer)) continue;
    const roles = host.roles.filter((r) => systems.has(r));
    if (roles.length === 0) continue;
    const server = ctx.siteHostWith(host, ROLE.siteServer);
    if (!server || ctx.hasNeighbour(host, (h) => h.roles.includes(ROLE.siteServer) && ctx.sameSite(host, h)))
      continue;
    const site = ctx.siteOf(host);
    const name = ctx.name(host.id);
    findings.push({
      id: `site-server-link-missing:${host.id}`,
      check: 'site-server-link-missing',
      severity: 'error',
      message: `${name} (${ctx.roleList(roles)}) has no link to ${ctx.name(server.id)}, the site server of ${site ? `site ${site}` : 'its site'}; site server and site systems talk both ways by default (note 5)`,
      hosts: [host.id, server.id],
      links: [],
      sections: roles.flatMap((r) => [
        ...ctx.sectionsBetween(ROLE.siteServer, r),
        ...ctx.sectionsBetween(r, ROLE.siteServer),
      ]),
      ghost: { source: server.id, target: host.id },
      fix: {
        kind: 'add-link',
        source: server.id,
        target: host.id,
        label: `Link ${name} to ${ctx.name(server.id)}`,
      },
    });
  }
  return findings;
}

/**
 * A site server needs a site code, and so does every site system once the topology has several
 * sites: without one the checks cannot tell which site it belongs to.
 */
function missingSiteCodes(ctx: CheckContext): Finding[] {
  const codes = new Set(ctx.hosts.map((h) => siteCode(h.site)).filter((c) => c !== undefined));
  const findings: Finding[] = [];
  for (const host of ctx.hosts) {
    if (siteCode(host.site) !== undefined) continue;
    const isServer = host.roles.includes(ROLE.siteServer);
    const isSystem = host.roles.some((r) => ctx.catalogue.roleById.get(r)?.kind === 'site-system');
    if (!isServer && !(isSystem && codes.size > 1)) continue;
    findings.push({
      id: `site-code-missing:${host.id}`,
      check: 'site-code-missing',
      severity: 'warning',
      message: isServer
        ? `Site server ${ctx.name(host.id)} has no site code`
        : `${ctx.name(host.id)} has no site code, and the topology has several sites (${[...codes].sort().join(', ')}); the checks cannot tell which site it belongs to`,
      hosts: [host.id],
      links: [],
    });
  }
  return findings;
}

/** Two site servers with one site code. */
function duplicateSiteServers(ctx: CheckContext): Finding[] {
  const bySite = new Map<string, Host[]>();
  for (const server of ctx.hostsWith(ROLE.siteServer)) {
    const code = siteCode(server.site);
    if (code !== undefined) bySite.set(code, [...(bySite.get(code) ?? []), server]);
  }
  return [...bySite]
    .filter(([, servers]) => servers.length > 1)
    .map(([site, servers]) => ({
      id: `duplicate-site-server:${site}`,
      check: 'duplicate-site-server',
      severity: 'warning',
      message: `Site ${site} has ${servers.length} site servers (${servers.map((s) => ctx.name(s.id)).join(', ')}); a site has one (two only with site server high availability, one of them passive)`,
      hosts: servers.map((s) => s.id),
      links: [],
    }));
}

/**
 * Site membership checks: a site server per site, a link from each site system to it, site codes.
 *
 * @param ctx - The run's context (document, catalogue, derivation and lookups).
 * @returns The family's findings, unsorted (`runChecks` sorts and de-duplicates them).
 * @example
 * siteSystemChecks(ctx); // a distribution point not linked to its site server
 */
export function siteSystemChecks(ctx: CheckContext): Finding[] {
  return [
    ...sitesWithoutServer(ctx),
    ...missingSiteServerLinks(ctx),
    ...missingSiteCodes(ctx),
    ...duplicateSiteServers(ctx),
  ];
}
