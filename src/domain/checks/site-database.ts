import type { RoleId } from '../catalogue-types';
import type { Host } from '../document';
import { message } from '../message';
import { type CheckContext, ROLE } from './context';
import type { Finding } from './finding';
import { databaseRoles, suggestName } from './new-hosts';

/**
 * True when the site server holds SQL Server or is linked to a SQL Server host of its site.
 *
 * @param ctx - The run's context.
 * @param server - A site server host.
 * @returns Whether the site has its database.
 * @example
 * hasSiteDatabase(ctx, ctx.hostsWith(ROLE.siteServer)[0]!); // true
 */
export function hasSiteDatabase(ctx: CheckContext, server: Host): boolean {
  return ctx.hasSiteDatabase(server);
}

/** A site server with no site database: no SQL Server role on it, no link to a SQL Server of its site. */
function missingSiteDatabase(ctx: CheckContext, server: Host, findings: Finding[]): void {
  if (!server.roles.includes(ROLE.siteServer) || ctx.hasSiteDatabase(server)) return;
  const site = ctx.siteOf(server);
  const name = ctx.name(server.id);
  const sql = ctx.siteHostWith(server, ROLE.sql);
  const base = {
    id: `missing-site-database:${server.id}`,
    check: 'missing-site-database',
    severity: 'error',
    hosts: sql ? [server.id, sql.id] : [server.id],
    links: [],
    sections: ctx.sectionsBetween(ROLE.siteServer, ROLE.sql),
  } as const;
  if (sql) {
    findings.push({
      ...base,
      message: site
        ? message('checks:missingSiteDatabase.linkSite', { host: name, sql: ctx.name(sql.id), site })
        : message('checks:missingSiteDatabase.linkNoSite', { host: name, sql: ctx.name(sql.id) }),
      ghost: { source: server.id, target: sql.id },
      fix: {
        kind: 'add-link',
        source: server.id,
        target: sql.id,
        label: message('checks:fix.link', { from: name, to: ctx.name(sql.id) }),
      },
    });
  } else {
    findings.push({
      ...base,
      message: site
        ? message('checks:missingSiteDatabase.noneSite', { host: name, site })
        : message('checks:missingSiteDatabase.noneNoSite', { host: name }),
      ghost: { source: server.id, missingRole: ROLE.sql },
      fix: {
        kind: 'add-host',
        role: ROLE.sql,
        name: suggestName(ctx, ROLE.sql, site),
        ...(site ? { site } : {}),
        linkTo: [server.id],
        label: message('checks:fix.addSqlServer', { host: name }),
      },
    });
  }
}

const databaseRolesOf = (ctx: CheckContext) => databaseRoles(ctx.catalogue);
const SQL: readonly RoleId[] = [ROLE.sql];

/** `this` holds the role (a callback for `some`, made once). */
function isIn(this: ReadonlySet<RoleId>, role: RoleId): boolean {
  return this.has(role);
}

/**
 * Every host with a role that reads the site database (derived from the catalogue's `-- > SQL
 * Server` rules) needs a link to a SQL Server host of its site. Site servers are left to the
 * site database check above; hosts holding SQL Server themselves talk to it locally.
 */
function missingDatabaseLinks(ctx: CheckContext, host: Host, findings: Finding[]): void {
  const wanted = ctx.once('databaseRoles', databaseRolesOf);
  if (host.roles.includes(ROLE.siteServer) || host.roles.includes(ROLE.sql)) return;
  if (!host.roles.some(isIn, wanted)) return;
  if (ctx.hasNeighbourHolding(host, SQL, true)) return;
  const roles = host.roles.filter((r) => wanted.has(r));
  const site = ctx.siteOf(host);
  const name = ctx.name(host.id);
  const database = ctx.databaseHostOf(site) ?? ctx.siteHostWith(host, ROLE.sql);
  const what = { host: name, roles: ctx.roleList(roles), ...(site ? { site } : {}) };
  const base = {
    id: `database-link-missing:${host.id}`,
    check: 'database-link-missing',
    severity: 'error',
    links: [],
    sections: roles.flatMap((r) => ctx.sectionsBetween(r, ROLE.sql)),
  } as const;
  if (database) {
    findings.push({
      ...base,
      message: message(
        site ? 'checks:databaseLinkMissing.linkSite' : 'checks:databaseLinkMissing.linkNoSite',
        {
          ...what,
          sql: ctx.name(database.id),
        },
      ),
      hosts: [host.id, database.id],
      ghost: { source: host.id, target: database.id },
      fix: {
        kind: 'add-link',
        source: host.id,
        target: database.id,
        label: message('checks:fix.link', { from: name, to: ctx.name(database.id) }),
      },
    });
  } else {
    const servers = ctx.serversWithoutDatabase(site);
    findings.push({
      ...base,
      message: message(
        site ? 'checks:databaseLinkMissing.noneSite' : 'checks:databaseLinkMissing.noneNoSite',
        what,
      ),
      hosts: [host.id],
      ghost: { source: host.id, missingRole: ROLE.sql },
      fix: {
        kind: 'add-host',
        role: ROLE.sql,
        name: suggestName(ctx, ROLE.sql, site),
        ...(site ? { site } : {}),
        linkTo: [host.id, ...servers.map((s) => s.id)],
        label: message('checks:fix.addSqlServer', { host: name }),
      },
    });
  }
}

/**
 * Site database checks of one host: a site server's database, and a link to it from every role
 * that reads it.
 *
 * @param ctx - The run's context (document, catalogue, derivation and lookups).
 * @param host - The host checked.
 * @param findings - Where its findings go (unsorted; `runChecks` sorts them).
 * @example
 * siteDatabaseChecks(ctx, server, findings); // a site server without SQL Server, with a fix that adds one
 */
export function siteDatabaseChecks(ctx: CheckContext, host: Host, findings: Finding[]): void {
  missingSiteDatabase(ctx, host, findings);
  missingDatabaseLinks(ctx, host, findings);
}
