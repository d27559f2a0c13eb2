/**
 * Edits of hosts and links: pure functions from a document to the next one. The store's actions
 * and `applyFix` both call them, so a host or link is added by one set of rules (ids, names,
 * placement) whoever adds it. An edit that changes nothing returns the document it was given.
 */
import type { Catalogue, Role, RoleId } from '../catalogue-types';
import { uniqueHostName } from '../checks/host-names';
import { hostsShareRules } from '../derive';
import { type DocumentContent, type Host, LINK_ID_PREFIX, type Link, type Position } from '../document';
import { listParam, type Message, type MessageParam, message, roleParam } from '../message';
import { besideHosts, freeSpot } from '../placement';
import { idSeriesOf, nextId } from './ids';
import { layoutBounds } from './layout-bounds';

/** What a new host is made of; everything but the role and position has a default. */
export interface NewHost {
  readonly role: Role;
  readonly position: Position;
  /** The wanted name, made unique; `MP01`, `MP02`, … from the role's badge when absent. */
  readonly name?: string;
  readonly site?: string;
  readonly zone?: string;
  /** The id series (see `idSeries`): `h` (`h1`, `h2`, …) when absent. */
  readonly idPrefix?: string;
}

/**
 * Adds a host holding one role.
 *
 * @param doc - the document (with or without its envelope)
 * @param spec - the role, position and optional name, site, zone and id series
 * @returns the new document and the new host's id
 * @example
 * const { doc: next, id } = addHost(doc, { role: mp, position: { x: 0, y: 0 } });
 * next.hosts.at(-1); // { id: 'h1', name: 'MP01', roles: ['management-point'], options: {} }
 */
export function addHost<D extends DocumentContent>(doc: D, spec: NewHost): { doc: D; id: string } {
  const id = nextId(
    spec.idPrefix ?? 'h',
    doc.hosts.map((h) => h.id),
  );
  const host: Host = {
    id,
    name: uniqueHostName(spec.name ?? `${spec.role.abbr}01`, doc.hosts),
    ...(spec.site ? { site: spec.site } : {}),
    ...(spec.zone ? { zone: spec.zone } : {}),
    roles: [spec.role.id],
    options: {},
  };
  return { id, doc: { ...doc, hosts: [...doc.hosts, host], layout: { ...doc.layout, [id]: spec.position } } };
}

/**
 * Replaces one host through `change`.
 *
 * @param doc - the document
 * @param id - the host to change
 * @param change - returns the new host, or the same object for no change
 * @returns the new document; `doc` itself when the host is missing or unchanged
 * @example
 * updateHost(doc, 'mp', (h) => ({ ...h, name: 'P01-MP02' }));
 */
export function updateHost<D extends DocumentContent>(doc: D, id: string, change: (host: Host) => Host): D {
  let changed = false;
  const hosts = doc.hosts.map((h) => {
    if (h.id !== id) return h;
    const next = change(h);
    if (next !== h) changed = true;
    return next;
  });
  return changed ? { ...doc, hosts } : doc;
}

/**
 * Adds a role to a host unless it already holds it.
 *
 * @returns the new document; `doc` itself when the host is missing or already holds the role
 * @example
 * addRole(doc, 'mp', 'distribution-point').hosts[0]?.roles; // ['management-point', 'distribution-point']
 */
export function addRole<D extends DocumentContent>(doc: D, hostId: string, role: RoleId): D {
  return updateHost(doc, hostId, (h) => (h.roles.includes(role) ? h : { ...h, roles: [...h.roles, role] }));
}

/**
 * Whether a link joins `a` and `b`, in either direction.
 *
 * @example
 * linked([{ id: 'l1', source: 'a', target: 'b' }], 'b', 'a'); // true
 */
export function linked(links: readonly Link[], a: string, b: string): boolean {
  return links.some((l) => (l.source === a && l.target === b) || (l.source === b && l.target === a));
}

/**
 * Adds a link for each pair, skipping self-links and pairs already linked (also earlier in `pairs`).
 * New ids continue the `l<n>` series.
 *
 * @param doc - the document
 * @param pairs - `[source, target]` host ids; hosts are not checked here
 * @returns the new document (`doc` itself when no link was added) and the ids of the new links
 * @example
 * addLinks(doc, [['a', 'b'], ['b', 'a'], ['a', 'a']]).ids; // ['l1']
 */
export function addLinks<D extends DocumentContent>(
  doc: D,
  pairs: readonly (readonly [string, string])[],
): { doc: D; ids: string[] } {
  const links = [...doc.links];
  const newId = idSeriesOf(LINK_ID_PREFIX, links);
  const ids: string[] = [];
  for (const [source, target] of pairs) {
    if (source === target || linked(links, source, target)) continue;
    const id = newId();
    ids.push(id);
    links.push({ id, source, target });
  }
  return { doc: ids.length === 0 ? doc : { ...doc, links }, ids };
}

export type ConnectResult<D extends DocumentContent = DocumentContent> =
  | { readonly ok: true; readonly doc: D; readonly id: string }
  | { readonly ok: false; readonly reason: Message };

/** `PC01 (client)`: a host and its roles, named in the reader's language. */
function describeHost(host: Host, catalogue: Catalogue): MessageParam {
  // A role id the catalogue does not know is shown as it is (a role param would name it the same).
  const roles = host.roles.map((r) => (catalogue.roleById.has(r) ? roleParam(r) : r));
  return {
    message:
      roles.length > 0
        ? message('restore:edits.hostWithRoles', { host: host.name, roles: listParam(roles, 'and') })
        : message('restore:edits.hostWithoutRoles', { host: host.name }),
  };
}

/**
 * Links two hosts, as drawing a link does. Refused, with a short reason, for a missing host, a
 * self-link, a repeated link, or hosts whose roles share no rule of the port document (a link that
 * would carry no flow).
 *
 * @param doc - the document
 * @param source - the host the link is drawn from
 * @param target - the host the link is drawn to
 * @param catalogue - the rules that decide whether the hosts share one
 * @returns the new document and link id, or why the link was refused
 * @example
 * const result = connectHosts(doc, 'pc', 'mp', catalogue);
 * if (!result.ok) notify(result.reason);
 */
export function connectHosts<D extends DocumentContent>(
  doc: D,
  source: string,
  target: string,
  catalogue: Catalogue,
): ConnectResult<D> {
  const a = doc.hosts.find((h) => h.id === source);
  const b = doc.hosts.find((h) => h.id === target);
  if (!a || !b) return { ok: false, reason: message('restore:edits.linkEnds') };
  if (a.id === b.id) return { ok: false, reason: message('restore:edits.linkSelf', { host: a.name }) };
  if (linked(doc.links, a.id, b.id))
    return { ok: false, reason: message('restore:edits.linkRepeat', { source: a.name, target: b.name }) };
  if (!hostsShareRules(a, b, catalogue, doc.settings.supplementary)) {
    const hosts = { source: describeHost(a, catalogue), target: describeHost(b, catalogue) };
    return { ok: false, reason: message('restore:edits.linkNoRule', hosts) };
  }
  // What addLinks does for one pair, without looking for the link a second time.
  const id = idSeriesOf(LINK_ID_PREFIX, doc.links)();
  return { ok: true, id, doc: { ...doc, links: [...doc.links, { id, source: a.id, target: b.id }] } };
}

/**
 * Removes hosts (with their links and positions) and links.
 *
 * @returns the new document; `doc` itself when both lists are empty
 * @example
 * removeElements(doc, ['mp'], []); // without mp, its links and its position
 */
export function removeElements<D extends DocumentContent>(
  doc: D,
  hostIds: readonly string[],
  linkIds: readonly string[],
): D {
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

/** How far right of the right-most host a new host goes when it links to nothing placed. */
export const RIGHT_OF_ALL = 240;

/**
 * Where a host added for others goes: beside the placed hosts it links to (`besideHosts`), else
 * right of everything at the height of the top-most host, else at the origin; always on a free spot.
 *
 * @param layout - positions of the hosts on the canvas
 * @param near - the hosts the new one links to (unplaced ones are ignored)
 * @returns a position with whole-number coordinates
 * @example
 * spotForNewHost({ a: { x: 0, y: 0 } }, []); // { x: 240, y: 0 }
 */
export function spotForNewHost(
  layout: Readonly<Record<string, Position>>,
  near: readonly string[],
): Position {
  const taken = Object.values(layout);
  const anchors: Position[] = [];
  for (const id of near) {
    const p = layout[id];
    if (p) anchors.push(p);
  }
  if (anchors.length > 0) return besideHosts(anchors, taken);
  const bounds = layoutBounds(layout);
  return freeSpot(taken, bounds ? { x: bounds.maxX + RIGHT_OF_ALL, y: bounds.minY } : { x: 0, y: 0 });
}
