import type { Catalogue } from '@/domain/catalogue-types';
import type { Box, Host, Link, Position, TopologyDocument, Zone } from '@/domain/document';
import { createEmptyDocument } from '@/domain/restore';
import { zoneBoxes } from '@/domain/zones/zone-frames';

/** Options of {@link syntheticHierarchy}. */
export interface SyntheticOptions {
  /**
   * Put the hosts in zones with boxes: a zone per site holding its servers (the CAS's and the
   * primaries' of kind datacenter, the secondaries' branch) and, inside each primary's zone, a
   * client zone holding its clients; hosts are laid out zone by zone so the zones do not overlap.
   */
  readonly zones?: boolean;
}

/**
 * A synthetic estate of about `size` hosts with a realistic role mix: one CAS, a primary per
 * ~500 hosts (site server + provider, remote SQL), a secondary per primary, MPs, DPs (some PXE),
 * SUPs, DCs and client groups, and about five links per host.
 */
export function syntheticHierarchy(
  size: number,
  catalogue: Catalogue,
  options: SyntheticOptions = {},
): TopologyDocument {
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
    const code = siteCodeOf(p);
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
  const doc = { ...base, hosts, links, layout };
  return options.zones ? inZones(doc) : doc;
}

/** Columns of hosts in a zone, and the grid the synthetic estate lays hosts on. */
const ZONE_COLUMNS = 40;
const STEP = { x: 220, y: 160 };
/**
 * The primary site code of primary `p`: P00–P99, then PAA–PZZ (three letters or digits, as a site
 * code must be; a fourth character would make restore drop it with a report line per host).
 */
function siteCodeOf(p: number): string {
  if (p < 100) return `P${String(p).padStart(2, '0')}`;
  const n = p - 100;
  if (n >= 26 * 26) throw new Error(`synthetic estates have at most ${100 + 26 * 26} primary sites`);
  return `P${String.fromCharCode(65 + Math.floor(n / 26), 65 + (n % 26))}`;
}

/** Space between the zones of two sites, and the width of the drawing before a new row of sites. */
const SITE_GAP = 240;
const ROW_WIDTH = 22_000;

/** Lays `ids` out in rows of {@link ZONE_COLUMNS} from `origin`; returns the y below the last row. */
function grid(ids: readonly string[], origin: Position, layout: Record<string, Position>): number {
  ids.forEach((id, i) => {
    layout[id] = {
      x: origin.x + (i % ZONE_COLUMNS) * STEP.x,
      y: origin.y + Math.floor(i / ZONE_COLUMNS) * STEP.y,
    };
  });
  return origin.y + Math.ceil(ids.length / ZONE_COLUMNS) * STEP.y;
}

/** The same hosts and links in zones (see {@link SyntheticOptions.zones}), each zone with its box. */
function inZones(doc: TopologyDocument): TopologyDocument {
  const bySite = new Map<string, Host[]>();
  for (const h of doc.hosts) {
    const code = h.site ?? 'CAS';
    bySite.set(code, [...(bySite.get(code) ?? []), h]);
  }
  const zones: Zone[] = [];
  const zoneOf = new Map<string, string>();
  const layout: Record<string, Position> = {};
  let x = 0;
  let y = 0;
  let rowBottom = 0;
  for (const [code, members] of bySite) {
    const siteZone = `site-${code}`;
    const servers = members.filter((h) => !h.roles.includes('client')).map((h) => h.id);
    const clients = members.filter((h) => h.roles.includes('client')).map((h) => h.id);
    const width = Math.min(members.length, ZONE_COLUMNS) * STEP.x;
    if (x > 0 && x + width > ROW_WIDTH) {
      x = 0;
      y = rowBottom + SITE_GAP;
    }
    const kind = code.startsWith('S') ? 'branch' : 'datacenter';
    zones.push({ id: siteZone, name: `Site ${code}`, kind });
    for (const id of servers) zoneOf.set(id, siteZone);
    let bottom = grid(servers, { x, y }, layout);
    if (clients.length > 0) {
      const clientZone = `clients-${code}`;
      zones.push({ id: clientZone, name: `Clients ${code}`, kind: 'clients', parent: siteZone });
      for (const id of clients) zoneOf.set(id, clientZone);
      // A row's gap below the servers leaves room for the client zone's title.
      bottom = grid(clients, { x, y: bottom + STEP.y / 2 }, layout);
    }
    rowBottom = Math.max(rowBottom, bottom);
    x += width + SITE_GAP;
  }
  const hosts = doc.hosts.map((h) => ({ ...h, zone: zoneOf.get(h.id) as string }));
  const boxes: ReadonlyMap<string, Box> = zoneBoxes(zones, hosts, layout, {});
  return { ...doc, hosts, layout, zones: zones.map((z) => ({ ...z, box: boxes.get(z.id) as Box })) };
}
