import type { RoleId } from '../catalogue-types';
import type { Host } from '../document';
import { message } from '../message';
import { type CheckContext, ROLE } from './context';
import type { Finding } from './finding';
import { siteSystemRoles, suggestName } from './new-hosts';
import { siteCode } from './site-code';

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
  // Every host has a site server when every site code (and hosts without one) has one: skip the scan.
  const servers = new Set(ctx.hostsWith(ROLE.siteServer).map((s) => ctx.siteOf(s)));
  if (servers.has(undefined) || (servers.size > 0 && ctx.codes.every((c) => servers.has(c)))) return [];
  for (const host of ctx.hosts) {
    if (host.roles.includes(ROLE.siteServer) || !isSiteMember(ctx, host)) continue;
    if (ctx.hasSiteServerFor(host)) continue;
    const key = ctx.siteOf(host) ?? '';
    const list = bySite.get(key);
    if (list) list.push(host);
    else bySite.set(key, [host]);
  }
  const systems = siteSystemRoles(ctx.catalogue);
  return [...bySite].map(([site, hosts]): Finding => {
    const first = hosts[0]?.id ?? '';
    const linkTo = hosts
      .filter((h) => h.roles.some((r) => systems.has(r) || r === ROLE.sql))
      .map((h) => h.id);
    return {
      id: `site-without-site-server:${site || '(none)'}`,
      check: 'site-without-site-server',
      severity: 'error',
      message: site
        ? message('checks:siteWithoutServer', { site, count: hosts.length })
        : message('checks:topologyWithoutServer'),
      hosts: hosts.map((h) => h.id),
      links: [],
      ghost: { source: first, missingRole: ROLE.siteServer },
      fix: {
        kind: 'add-host',
        role: ROLE.siteServer,
        name: suggestName(ctx, ROLE.siteServer, site || undefined),
        ...(site ? { site } : {}),
        linkTo,
        label: site ? message('checks:fix.addSiteServerFor', { site }) : message('checks:fix.addSiteServer'),
      },
    };
  });
}

const siteSystemRolesOf = (ctx: CheckContext) => siteSystemRoles(ctx.catalogue);
const SITE_SERVER: readonly RoleId[] = [ROLE.siteServer];

/** `this` holds the role (a callback for `some`, made once). */
function isIn(this: ReadonlySet<RoleId>, role: RoleId): boolean {
  return this.has(role);
}

/**
 * Note 5: site server and site systems talk both ways by default, so every site system host needs
 * a link to the site server of its site. Sites without a site server are reported above instead.
 */
function missingSiteServerLinks(ctx: CheckContext, host: Host, findings: Finding[]): void {
  const systems = ctx.once('siteSystemRoles', siteSystemRolesOf);
  if (host.roles.includes(ROLE.siteServer)) return;
  if (!host.roles.some(isIn, systems)) return;
  const server = ctx.siteHostWith(host, ROLE.siteServer);
  if (!server || ctx.hasNeighbourHolding(host, SITE_SERVER, true)) return;
  const roles = host.roles.filter((r) => systems.has(r));
  const site = ctx.siteOf(host);
  const name = ctx.name(host.id);
  findings.push({
    id: `site-server-link-missing:${host.id}`,
    check: 'site-server-link-missing',
    severity: 'error',
    message: site
      ? message('checks:siteServerLinkMissing.site', {
          host: name,
          roles: ctx.roleList(roles),
          server: ctx.name(server.id),
          site,
        })
      : message('checks:siteServerLinkMissing.noSite', {
          host: name,
          roles: ctx.roleList(roles),
          server: ctx.name(server.id),
        }),
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
      label: message('checks:fix.link', { from: name, to: ctx.name(server.id) }),
    },
  });
}

/**
 * A site server needs a site code, and so does every site system once the topology has several
 * sites: without one the checks cannot tell which site it belongs to.
 */
function missingSiteCodes(ctx: CheckContext, host: Host, findings: Finding[]): void {
  const codes = ctx.codes;
  if (siteCode(host.site) !== undefined) return;
  const isServer = host.roles.includes(ROLE.siteServer);
  const isSystem = host.roles.some((r) => ctx.catalogue.roleById.get(r)?.kind === 'site-system');
  if (!isServer && !(isSystem && codes.length > 1)) return;
  findings.push({
    id: `site-code-missing:${host.id}`,
    check: 'site-code-missing',
    severity: 'warning',
    message: isServer
      ? message('checks:siteCodeMissing.server', { host: ctx.name(host.id) })
      : message('checks:siteCodeMissing.system', { host: ctx.name(host.id), sites: codes.join(', ') }),
    hosts: [host.id],
    links: [],
  });
}

/** Two site servers with one site code. */
function duplicateSiteServers(ctx: CheckContext): Finding[] {
  const bySite = new Map<string, Host[]>();
  for (const server of ctx.hostsWith(ROLE.siteServer)) {
    const code = siteCode(server.site);
    if (code !== undefined) bySite.set(code, [...(bySite.get(code) ?? []), server]); // site servers are few
  }
  return [...bySite]
    .filter(([, servers]) => servers.length > 1)
    .map(([site, servers]) => ({
      id: `duplicate-site-server:${site}`,
      check: 'duplicate-site-server',
      severity: 'warning',
      message: message('checks:duplicateSiteServer', {
        site,
        count: servers.length,
        hosts: servers.map((s) => ctx.name(s.id)).join(', '),
      }),
      hosts: servers.map((s) => s.id),
      links: [],
    }));
}

/**
 * Site membership checks of one host: a link from a site system to its site server, site codes.
 *
 * @param ctx - The run's context (document, catalogue, derivation and lookups).
 * @param host - The host checked.
 * @param findings - Where its findings go (unsorted; `runChecks` sorts them).
 * @example
 * siteSystemChecks(ctx, dp, findings); // a distribution point not linked to its site server
 */
export function siteSystemChecks(ctx: CheckContext, host: Host, findings: Finding[]): void {
  missingSiteServerLinks(ctx, host, findings);
  missingSiteCodes(ctx, host, findings);
}

/**
 * Site membership checks of the estate: a site server per site, one site server per site code.
 *
 * @param ctx - The run's context (document, catalogue, derivation and lookups).
 * @returns The findings, unsorted (`runChecks` sorts them).
 * @example
 * siteEstateChecks(ctx); // site P02 has clients but no site server
 */
export function siteEstateChecks(ctx: CheckContext): Finding[] {
  return [...sitesWithoutServer(ctx), ...duplicateSiteServers(ctx)];
}
