import type { Catalogue, Role, RoleId } from '@/domain/catalogue-types';
import { hostsShareRules } from '@/domain/derive';
import type { Host, Link, Position, TopologyDocument, Zone } from '@/domain/document';

/**
 * Pure operations on the saved part of the state (everything of the document but its envelope).
 * The store wraps them in actions; keeping them pure lets tests drive them without React.
 */
export type DocumentSlice = Omit<TopologyDocument, 'format' | 'version'>;

/** Hosts, the links among them and their positions: what copy puts on the clipboard. */
export interface Fragment {
  readonly hosts: readonly Host[];
  readonly links: readonly Link[];
  readonly layout: Readonly<Record<string, Position>>;
}

/** A host name compared the way people read it: case and surrounding spaces ignored (BAD-INPUTS 18). */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** The smallest `prefix1`, `prefix2`, … not yet taken. */
export function nextId(prefix: string, taken: ReadonlySet<string>): string {
  let n = 1;
  while (taken.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

/** A new host name from a role's badge: `MP01`, then `MP02`, … skipping names already used. */
export function roleHostName(abbr: string, hosts: readonly Host[]): string {
  const used = new Set(hosts.map((h) => nameKey(h.name)));
  let n = 1;
  while (used.has(nameKey(`${abbr}${String(n).padStart(2, '0')}`))) n += 1;
  return `${abbr}${String(n).padStart(2, '0')}`;
}

/** A free name close to `name`: `DP01` → `DP02`, `Clients HQ` → `Clients HQ 2`. */
export function freeName(name: string, used: ReadonlySet<string>): string {
  if (!used.has(nameKey(name))) return name;
  const m = name.match(/^(.*?)(\d+)$/);
  if (m) {
    const [, stem = '', digits = ''] = m;
    let n = Number(digits) + 1;
    while (used.has(nameKey(`${stem}${String(n).padStart(digits.length, '0')}`))) n += 1;
    return `${stem}${String(n).padStart(digits.length, '0')}`;
  }
  let n = 2;
  while (used.has(nameKey(`${name} ${n}`))) n += 1;
  return `${name} ${n}`;
}

/** Adds a host holding one role at `position`; returns the new document and the host's id. */
export function addHost(
  doc: DocumentSlice,
  role: Role,
  position: Position,
): { doc: DocumentSlice; id: string } {
  const id = nextId('h', new Set(doc.hosts.map((h) => h.id)));
  const host: Host = { id, name: roleHostName(role.abbr, doc.hosts), roles: [role.id], options: {} };
  return {
    id,
    doc: { ...doc, hosts: [...doc.hosts, host], layout: { ...doc.layout, [id]: position } },
  };
}

/** Replaces one host through `change`; the same document when the host is missing or unchanged. */
export function updateHost(doc: DocumentSlice, id: string, change: (host: Host) => Host): DocumentSlice {
  let changed = false;
  const hosts = doc.hosts.map((h) => {
    if (h.id !== id) return h;
    const next = change(h);
    if (next !== h) changed = true;
    return next;
  });
  return changed ? { ...doc, hosts } : doc;
}

/** Adds a role to a host unless it already holds it. */
export function addRole(doc: DocumentSlice, hostId: string, role: RoleId): DocumentSlice {
  return updateHost(doc, hostId, (h) => (h.roles.includes(role) ? h : { ...h, roles: [...h.roles, role] }));
}

export type ConnectResult =
  | { readonly ok: true; readonly doc: DocumentSlice; readonly id: string }
  | { readonly ok: false; readonly reason: string };

function describeHost(host: Host, catalogue: Catalogue): string {
  const roles = host.roles.map((r) => catalogue.roleById.get(r)?.name ?? r);
  return roles.length > 0 ? `${host.name} (${roles.join(', ')})` : `${host.name} (no roles)`;
}

/**
 * Links two hosts. Refused, with a short reason, for a self-link, a repeated link, or hosts whose
 * roles share no rule of the port document (a link that would carry no flow).
 */
export function connectHosts(
  doc: DocumentSlice,
  source: string,
  target: string,
  catalogue: Catalogue,
): ConnectResult {
  const a = doc.hosts.find((h) => h.id === source);
  const b = doc.hosts.find((h) => h.id === target);
  if (!a || !b) return { ok: false, reason: 'Both ends of a link must be hosts on the canvas.' };
  if (a.id === b.id) return { ok: false, reason: `${a.name} cannot be linked to itself.` };
  const exists = doc.links.some(
    (l) => (l.source === a.id && l.target === b.id) || (l.source === b.id && l.target === a.id),
  );
  if (exists) return { ok: false, reason: `${a.name} and ${b.name} are already linked.` };
  if (!hostsShareRules(a, b, catalogue, doc.settings.supplementary)) {
    return {
      ok: false,
      reason: `No link drawn: ${describeHost(a, catalogue)} and ${describeHost(b, catalogue)} share no rule in the port document, so the link would carry no port.`,
    };
  }
  const id = nextId('l', new Set(doc.links.map((l) => l.id)));
  return { ok: true, id, doc: { ...doc, links: [...doc.links, { id, source: a.id, target: b.id }] } };
}

/** Removes hosts (with their links and positions) and links. */
export function removeElements(
  doc: DocumentSlice,
  hostIds: readonly string[],
  linkIds: readonly string[],
): DocumentSlice {
  const hosts = new Set(hostIds);
  const links = new Set(linkIds);
  if (hosts.size === 0 && links.size === 0) return doc;
  const layout: Record<string, Position> = {};
  for (const [id, p] of Object.entries(doc.layout)) if (!hosts.has(id)) layout[id] = p;
  return {
    ...doc,
    hosts: doc.hosts.filter((h) => !hosts.has(h.id)),
    links: doc.links.filter((l) => !links.has(l.id) && !hosts.has(l.source) && !hosts.has(l.target)),
    layout,
  };
}

/** Copies hosts and the links among them. */
export function copyFragment(doc: DocumentSlice, hostIds: readonly string[]): Fragment | null {
  const ids = new Set(hostIds);
  const hosts = doc.hosts.filter((h) => ids.has(h.id));
  if (hosts.length === 0) return null;
  const layout: Record<string, Position> = {};
  for (const h of hosts) layout[h.id] = doc.layout[h.id] ?? { x: 0, y: 0 };
  return { hosts, links: doc.links.filter((l) => ids.has(l.source) && ids.has(l.target)), layout };
}

/**
 * Adds a fragment with fresh ids and free names, moved by `offset`; zones the document lacks are
 * dropped from the pasted hosts. Returns the new ids so the caller can select them.
 */
export function pasteFragment(
  doc: DocumentSlice,
  fragment: Fragment,
  offset: Position,
): { doc: DocumentSlice; hostIds: string[]; linkIds: string[] } {
  const hostIds = new Set(doc.hosts.map((h) => h.id));
  const linkIds = new Set(doc.links.map((l) => l.id));
  const names = new Set(doc.hosts.map((h) => nameKey(h.name)));
  const zones = new Set(doc.zones.map((z) => z.id));
  const idMap = new Map<string, string>();
  const hosts: Host[] = [];
  const layout: Record<string, Position> = { ...doc.layout };
  for (const host of fragment.hosts) {
    const id = nextId('h', hostIds);
    hostIds.add(id);
    idMap.set(host.id, id);
    const name = freeName(host.name, names);
    names.add(nameKey(name));
    const { zone, ...rest } = host;
    hosts.push({ ...rest, ...(zone && zones.has(zone) ? { zone } : {}), id, name });
    const p = fragment.layout[host.id] ?? { x: 0, y: 0 };
    layout[id] = { x: p.x + offset.x, y: p.y + offset.y };
  }
  const links: Link[] = [];
  for (const link of fragment.links) {
    const source = idMap.get(link.source);
    const target = idMap.get(link.target);
    if (!source || !target) continue;
    const id = nextId('l', linkIds);
    linkIds.add(id);
    links.push({ ...link, id, source, target });
  }
  return {
    doc: { ...doc, hosts: [...doc.hosts, ...hosts], links: [...doc.links, ...links], layout },
    hostIds: hosts.map((h) => h.id),
    linkIds: links.map((l) => l.id),
  };
}

/** The bounding box of the positions in a layout, or undefined when it is empty. */
export function layoutBounds(
  layout: Readonly<Record<string, Position>>,
): { minX: number; minY: number; maxX: number; maxY: number } | undefined {
  const points = Object.values(layout);
  if (points.length === 0) return undefined;
  return {
    minX: Math.min(...points.map((p) => p.x)),
    minY: Math.min(...points.map((p) => p.y)),
    maxX: Math.max(...points.map((p) => p.x)),
    maxY: Math.max(...points.map((p) => p.y)),
  };
}

/**
 * Adds another document (a template) to this one: hosts and links get fresh ids, names are kept
 * free, zones are reused by name or added, and the addition is placed to the right of what is there.
 * The current site settings stay.
 */
export function mergeDocument(
  doc: DocumentSlice,
  addition: DocumentSlice,
): { doc: DocumentSlice; hostIds: string[] } {
  const zoneIds = new Set(doc.zones.map((z) => z.id));
  const zoneByName = new Map(doc.zones.map((z) => [nameKey(z.name), z.id]));
  const zoneMap = new Map<string, string>();
  const newZones: Zone[] = [];
  for (const zone of addition.zones) {
    const existing = zoneByName.get(nameKey(zone.name));
    if (existing) {
      zoneMap.set(zone.id, existing);
      continue;
    }
    const id = zoneIds.has(zone.id) ? nextId(`${zone.id}-`, zoneIds) : zone.id;
    zoneIds.add(id);
    zoneMap.set(zone.id, id);
    newZones.push({ id, name: zone.name });
  }
  const zonesWithParents = newZones.map((z) => {
    const original = addition.zones.find((o) => zoneMap.get(o.id) === z.id);
    const parent = original?.parent ? zoneMap.get(original.parent) : undefined;
    return parent && parent !== z.id ? { ...z, parent } : z;
  });
  const here = layoutBounds(doc.layout);
  const there = layoutBounds(addition.layout);
  const offset =
    here && there ? { x: here.maxX + 320 - there.minX, y: here.minY - there.minY } : { x: 0, y: 0 };
  const hosts = addition.hosts.map((h) => {
    const { zone, ...rest } = h;
    const mapped = zone ? zoneMap.get(zone) : undefined;
    return mapped ? { ...rest, zone: mapped } : rest;
  });
  const base = { ...doc, zones: [...doc.zones, ...zonesWithParents] };
  const pasted = pasteFragment(base, { hosts, links: addition.links, layout: addition.layout }, offset);
  return { doc: pasted.doc, hostIds: pasted.hostIds };
}
