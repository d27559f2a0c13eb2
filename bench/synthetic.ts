import type { Catalogue } from '@/domain/catalogue-types';
import type { Host, Link, TopologyDocument } from '@/domain/document';
import { createEmptyDocument } from '@/domain/restore';

/**
 * A synthetic estate of about `size` hosts with a realistic role mix: one CAS, a primary per
 * ~500 hosts (site server + provider, remote SQL), a secondary per primary, MPs, DPs (some PXE),
 * SUPs, DCs and client groups, and about five links per host.
 */
export function syntheticHierarchy(size: number, catalogue: Catalogue): TopologyDocument {
  const hosts: Host[] = [];
  const links: Link[] = [];
  const layout: Record<string, { x: number; y: number }> = {};
  const pairs = new Set<string>();
  let nextLink = 0;
  const add = (id: string, roles: string[], site: string, options: Host['options'] = {}) => {
    hosts.push({
      id,
      name: id.toUpperCase(),
      roles,
      site,
      options,
      ip: `10.${(hosts.length >> 16) & 255}.${(hosts.length >> 8) & 255}.${hosts.length & 255}`,
    });
    layout[id] = { x: (hosts.length % 100) * 220, y: Math.floor(hosts.length / 100) * 160 };
    return id;
  };
  const link = (a: string, b: string) => {
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (a === b || pairs.has(key)) return;
    pairs.add(key);
    nextLink += 1;
    links.push({ id: `l${nextLink}`, source: a, target: b });
  };
  const cas = add('cas', ['site-server', 'sms-provider'], 'CAS', { siteType: 'cas' });
  const casSql = add('cas-sql', ['sql-server'], 'CAS');
  link(cas, casSql);
  const dc = add('dc', ['domain-controller', 'global-catalog'], 'CAS');
  const primaries = Math.max(1, Math.round(size / 500));
  const perPrimary = Math.floor((size - 3) / primaries);
  for (let p = 0; p < primaries; p += 1) {
    const code = `P${String(p).padStart(2, '0')}`;
    const site = add(`${code}-site`, ['site-server', 'sms-provider'], code, {
      siteType: 'primary',
      parentSite: 'CAS',
    });
    const sql = add(`${code}-sql`, ['sql-server'], code);
    const sec = add(
      `${code}-sec`,
      ['site-server', 'sql-server', 'management-point', 'distribution-point'],
      `S${code.slice(1)}`,
      {
        siteType: 'secondary',
        parentSite: code,
      },
    );
    link(site, sql);
    link(site, cas);
    link(sql, casSql);
    link(site, sec);
    link(sql, sec);
    link(site, dc);
    const mps: string[] = [];
    const dps: string[] = [];
    const sups: string[] = [];
    const rest = perPrimary - 3;
    for (let i = 0; i < rest; i += 1) {
      const kind = i % 10;
      const id = `${code}-h${i}`;
      if (kind === 0) {
        mps.push(add(id, ['management-point'], code));
        link(id, site);
        link(id, sql);
        link(id, dc);
      } else if (kind === 1 || kind === 2) {
        dps.push(add(id, ['distribution-point'], code, { pxe: kind === 1 }));
        link(id, site);
        link(id, mps[mps.length - 1] ?? site);
      } else if (kind === 3 && i % 40 === 3) {
        sups.push(add(id, ['software-update-point'], code));
        link(id, site);
        link(id, sql);
      } else {
        add(id, ['client'], code);
        const mp = mps[(i * 7) % Math.max(1, mps.length)] ?? site;
        const dp = dps[(i * 3) % Math.max(1, dps.length)] ?? sec;
        link(id, mp);
        link(id, dp);
        link(id, sups[i % Math.max(1, sups.length)] ?? sec);
        link(id, dc);
        link(id, `${code}-h${Math.max(0, i - 1)}`);
      }
    }
  }
  const base = createEmptyDocument(catalogue, `Synthetic ${size}`);
  return { ...base, hosts, links, layout };
}
