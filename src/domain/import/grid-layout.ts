/** A first placement of imported hosts: one block per site, side by side, in hierarchy order. */
import type { Host, Position } from '../document';

const CELL = { x: 220, y: 140 } as const;
const COLUMNS = 3;
const SITE_GAP = 160;

const TYPE_RANK = { cas: 0, primary: 1, secondary: 2 } as const;

/** Where a host sits within its site block: site server, database, other site systems, clients. */
function hostRank(host: Host): number {
  if (host.roles.includes('site-server')) return 0;
  if (host.roles.includes('sql-server')) return 1;
  if (host.roles.includes('client')) return 3;
  return 2;
}

/**
 * Places hosts on a grid: each site a block of three columns, site server on top and client
 * groups at the bottom; blocks left to right from the CAS down to secondaries, hosts without a
 * site last. Used when no layout pass is at hand.
 *
 * @param hosts - the hosts to place
 * @returns a position per host id
 * @example
 * gridLayout([siteServer, mp]); // { h1: { x: 0, y: 0 }, h2: { x: 220, y: 0 } }
 */
export function gridLayout(hosts: readonly Host[]): Record<string, Position> {
  const bySite = new Map<string, Host[]>();
  const siteRank = new Map<string, number>();
  for (const host of hosts) {
    const site = host.site ?? '';
    const list = bySite.get(site);
    if (list) list.push(host);
    else bySite.set(site, [host]);
    if (host.roles.includes('site-server')) siteRank.set(site, TYPE_RANK[host.options.siteType ?? 'primary']);
  }
  const sites = [...bySite.keys()].sort(
    (a, b) =>
      Number(a === '') - Number(b === '') ||
      (siteRank.get(a) ?? 3) - (siteRank.get(b) ?? 3) ||
      (a < b ? -1 : a > b ? 1 : 0),
  );
  const layout: Record<string, Position> = {};
  let left = 0;
  for (const site of sites) {
    const members = [...(bySite.get(site) ?? [])].sort((a, b) => hostRank(a) - hostRank(b));
    members.forEach((host, i) => {
      layout[host.id] = { x: left + (i % COLUMNS) * CELL.x, y: Math.floor(i / COLUMNS) * CELL.y };
    });
    left += Math.min(members.length, COLUMNS) * CELL.x + SITE_GAP;
  }
  return layout;
}
