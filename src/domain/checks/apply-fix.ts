import type { Catalogue } from '../catalogue-types';
import type { Host, Link, Position, TopologyDocument } from '../document';
import type { Fix } from './finding';
import { uniqueHostName } from './host-names';

/** Distance below which a new host counts as sitting on another one. */
const CROWDED = 120;

/** The next free link id in the `l<n>` series the document uses (one above the highest). */
function nextLinkId(links: readonly Link[], taken: ReadonlySet<string>): string {
  let n = 0;
  for (const link of links) {
    const m = /^l(\d+)$/.exec(link.id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  n += 1;
  while (taken.has(`l${n}`)) n += 1;
  return `l${n}`;
}

function linked(links: readonly Link[], a: string, b: string): boolean {
  return links.some((l) => (l.source === a && l.target === b) || (l.source === b && l.target === a));
}

function addLinks(document: TopologyDocument, pairs: readonly [string, string][]): Link[] {
  const links = [...document.links];
  const taken = new Set(links.map((l) => l.id));
  for (const [source, target] of pairs) {
    if (source === target || linked(links, source, target)) continue;
    const id = nextLinkId(links, taken);
    taken.add(id);
    links.push({ id, source, target });
  }
  return links;
}

/** A new host id from the role's badge: `sql-1`, `sql-2`, … */
function uniqueHostId(abbr: string, hosts: readonly Host[]): string {
  const taken = new Set(hosts.map((h) => h.id));
  const stem =
    abbr
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'host';
  let n = 1;
  while (taken.has(`${stem}-${n}`)) n += 1;
  return `${stem}-${n}`;
}

/**
 * Where a new host goes: beside the hosts it links to (below and to the right of their centre),
 * moved down until no host sits within reach; right of everything when it links to nothing placed.
 */
function placeNear(layout: Readonly<Record<string, Position>>, near: readonly string[]): Position {
  const placed = Object.values(layout);
  const anchors = near.map((id) => layout[id]).filter((p): p is Position => p !== undefined);
  let x: number;
  let y: number;
  if (anchors.length > 0) {
    x = anchors.reduce((sum, p) => sum + p.x, 0) / anchors.length + 200;
    y = anchors.reduce((sum, p) => sum + p.y, 0) / anchors.length + 120;
  } else if (placed.length > 0) {
    x = Math.max(...placed.map((p) => p.x)) + 240;
    y = Math.min(...placed.map((p) => p.y));
  } else {
    x = 0;
    y = 0;
  }
  for (let step = 0; step < 1000; step += 1) {
    if (!placed.some((p) => Math.hypot(p.x - x, p.y - y) < CROWDED)) break;
    y += 140;
  }
  return { x: Math.round(x), y: Math.round(y) };
}

/**
 * Applies a finding's fix and returns the new document; the input is not changed. A fix that no
 * longer fits the document (a host gone, a role unknown, the link already there) returns the
 * document as it was. New hosts get a unique id and name, the site of the fix, the zone their
 * linked hosts share (site systems only) and a place near those hosts.
 */
export function applyFix(document: TopologyDocument, fix: Fix, catalogue: Catalogue): TopologyDocument {
  const hostById = new Map(document.hosts.map((h) => [h.id, h]));
  switch (fix.kind) {
    case 'add-link': {
      if (!hostById.has(fix.source) || !hostById.has(fix.target) || fix.source === fix.target)
        return document;
      if (linked(document.links, fix.source, fix.target)) return document;
      return { ...document, links: addLinks(document, [[fix.source, fix.target]]) };
    }
    case 'add-role': {
      const host = hostById.get(fix.host);
      if (!host || !catalogue.roleById.has(fix.role) || host.roles.includes(fix.role)) return document;
      const updated: Host = { ...host, roles: [...host.roles, fix.role] };
      return { ...document, hosts: document.hosts.map((h) => (h.id === host.id ? updated : h)) };
    }
    case 'add-host': {
      const role = catalogue.roleById.get(fix.role);
      if (!role) return document;
      const near = [...new Set(fix.linkTo)].filter((id) => hostById.has(id));
      const zones = new Set(near.map((id) => hostById.get(id)?.zone));
      const zone = role.kind === 'site-system' && zones.size === 1 ? [...zones][0] : undefined;
      const id = uniqueHostId(role.abbr, document.hosts);
      const host: Host = {
        id,
        name: uniqueHostName(fix.name, document.hosts),
        ...(fix.site ? { site: fix.site } : {}),
        ...(zone ? { zone } : {}),
        roles: [role.id],
        options: {},
      };
      return {
        ...document,
        hosts: [...document.hosts, host],
        links: addLinks(
          document,
          near.map((target): [string, string] => [id, target]),
        ),
        layout: { ...document.layout, [id]: placeNear(document.layout, near) },
      };
    }
  }
}
