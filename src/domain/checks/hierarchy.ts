import type { Host, SiteType } from '../document';
import { message } from '../message';
import { type CheckContext, ROLE } from './context';
import type { Finding } from './finding';
import { siteCode } from './site-code';

/** A site as its site server describes it: code, type (primary unless set) and parent code. */
interface Site {
  readonly code: string;
  readonly type: SiteType;
  readonly parent: string | undefined;
  readonly server: Host;
}

/** Site type names inside a sentence (keys spelt out, so the catalogue test sees each). */
const TYPE_NAME: Record<SiteType, string> = {
  cas: 'checks:siteType.cas',
  primary: 'checks:siteType.primary',
  secondary: 'checks:siteType.secondary',
};
const typeName = (type: SiteType) => ({ message: message(TYPE_NAME[type]) });

/** The parent type each site type needs (a primary only when it is in a hierarchy). */
const PARENT_TYPE: Partial<Record<SiteType, SiteType>> = { primary: 'cas', secondary: 'primary' };

/** Sites by code, from the first site server (by name) of each code; servers without a code are left out. */
function sitesOf(ctx: CheckContext): Map<string, Site> {
  const sites = new Map<string, Site>();
  for (const server of ctx.hostsWith(ROLE.siteServer)) {
    const code = siteCode(server.site);
    if (code === undefined || sites.has(code)) continue;
    sites.set(code, {
      code,
      type: server.options.siteType ?? 'primary',
      parent: siteCode(server.options.parentSite),
      server,
    });
  }
  return sites;
}

/**
 * A secondary site needs a primary parent; a primary that names a parent needs it to be a CAS, and
 * in a topology with a CAS every primary should name one.
 */
function parents(ctx: CheckContext, sites: ReadonlyMap<string, Site>): Finding[] {
  const findings: Finding[] = [];
  const hasCas = [...sites.values()].some((s) => s.type === 'cas');
  for (const site of sites.values()) {
    const wanted = PARENT_TYPE[site.type];
    if (!wanted) continue;
    const check = site.type === 'secondary' ? 'secondary-parent-missing' : 'primary-parent-missing';
    const name = ctx.name(site.server.id);
    // Only primaries and secondaries have a parent type; a CAS was skipped above.
    const label = {
      message: message(
        site.type === 'secondary' ? 'checks:siteLabel.secondary' : 'checks:siteLabel.primary',
        {
          site: site.code,
          host: name,
        },
      ),
    };
    const base = { id: `${check}:${site.server.id}`, check, links: [] } as const;
    if (site.parent === undefined) {
      if (site.type === 'secondary') {
        findings.push({
          ...base,
          severity: 'error',
          message: message('checks:secondaryWithoutParent', { site: label }),
          hosts: [site.server.id],
        });
      } else if (hasCas) {
        findings.push({
          ...base,
          severity: 'warning',
          message: message('checks:primaryWithoutParent', { site: label }),
          hosts: [site.server.id],
        });
      }
      continue;
    }
    const parent = sites.get(site.parent);
    if (!parent) {
      findings.push({
        ...base,
        severity: 'error',
        message: message('checks:parentWithoutServer', { site: label, parent: site.parent }),
        hosts: [site.server.id],
        ghost: { source: site.server.id, missingRole: ROLE.siteServer },
      });
    } else if (parent.type !== wanted) {
      findings.push({
        ...base,
        severity: 'error',
        message: message('checks:parentOfWrongType', {
          site: label,
          parent: parent.code,
          parentType: typeName(parent.type),
          wantedType: typeName(wanted),
        }),
        hosts: [site.server.id, parent.server.id],
      });
    }
  }
  return findings;
}

/** A central administration site with no primary site below it. */
function casChildren(ctx: CheckContext, sites: ReadonlyMap<string, Site>): Finding[] {
  const all = [...sites.values()];
  return all
    .filter((cas) => cas.type === 'cas')
    .filter((cas) => !all.some((s) => s.type === 'primary' && s.parent === cas.code))
    .map((cas) => ({
      id: `cas-without-primaries:${cas.server.id}`,
      check: 'cas-without-primaries',
      severity: 'error',
      message: message('checks:casWithoutPrimaries', { site: cas.code, host: ctx.name(cas.server.id) }),
      hosts: [cas.server.id],
      links: [],
    }));
}

/**
 * Sites in a hierarchy talk site to site: each site server with its parent's (file replication,
 * `Standortserver < -- > Standortserver`), and each site database with its parent's (database
 * replication, `SQL Server -- > SQL Server`).
 */
function siteToSite(ctx: CheckContext, sites: ReadonlyMap<string, Site>): Finding[] {
  const findings: Finding[] = [];
  for (const child of sites.values()) {
    const parent = child.parent === undefined ? undefined : sites.get(child.parent);
    if (!parent || PARENT_TYPE[child.type] !== parent.type) continue;
    const servers = ctx.siteServersOf(parent.code);
    const serverLinkMissing = !servers.some((s) => s.id === child.server.id || ctx.linked(child.server, s));
    if (serverLinkMissing) {
      const [a, b] = [ctx.name(child.server.id), ctx.name(parent.server.id)];
      findings.push({
        id: `site-to-site-link-missing:${child.code}:${parent.code}`,
        check: 'site-to-site-link-missing',
        severity: 'error',
        message: message('checks:siteToSiteLinkMissing', {
          host: a,
          site: child.code,
          parentHost: b,
          parentSite: parent.code,
        }),
        hosts: [child.server.id, parent.server.id],
        links: [],
        sections: ctx.sectionsBetween(ROLE.siteServer, ROLE.siteServer),
        ghost: { source: child.server.id, target: parent.server.id },
        fix: {
          kind: 'add-link',
          source: child.server.id,
          target: parent.server.id,
          label: message('checks:fix.link', { from: a, to: b }),
        },
      });
    }
    const childDb = ctx.databaseHostOf(child.code);
    const parentDb = ctx.databaseHostOf(parent.code);
    if (!childDb || !parentDb || childDb.id === parentDb.id || ctx.linked(childDb, parentDb)) continue;
    // Databases on the two site servers: the site-to-site link above serves both, one finding is enough.
    if (serverLinkMissing && childDb.id === child.server.id && parentDb.id === parent.server.id) continue;
    const [a, b] = [ctx.name(childDb.id), ctx.name(parentDb.id)];
    findings.push({
      id: `database-replication-link-missing:${child.code}:${parent.code}`,
      check: 'database-replication-link-missing',
      severity: 'error',
      message: message('checks:databaseReplicationLinkMissing', {
        host: a,
        site: child.code,
        parentHost: b,
        parentSite: parent.code,
      }),
      hosts: [childDb.id, parentDb.id],
      links: [],
      sections: ctx.sectionsBetween(ROLE.sql, ROLE.sql),
      ghost: { source: childDb.id, target: parentDb.id },
      fix: {
        kind: 'add-link',
        source: childDb.id,
        target: parentDb.id,
        label: message('checks:fix.link', { from: a, to: b }),
      },
    });
  }
  return findings;
}

/**
 * Hierarchy checks: parents of secondaries and primaries, primaries below a CAS, site-to-site links.
 * They read site servers and site databases only, so they run whole on every edit.
 *
 * @param ctx - The run's context (document, catalogue, derivation and lookups).
 * @returns The family's findings, unsorted (`runChecks` sorts and de-duplicates them).
 * @example
 * hierarchyChecks(ctx).filter((f) => f.severity === 'error'); // a secondary without its primary
 */
export function hierarchyChecks(ctx: CheckContext): Finding[] {
  const sites = sitesOf(ctx);
  return [...parents(ctx, sites), ...casChildren(ctx, sites), ...siteToSite(ctx, sites)];
}
