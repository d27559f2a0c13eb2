import type { Host } from '../document';

/** What an edit changed of hosts, as the incremental checker reads it. */

/** True when two versions of a host read alike to other hosts' checks and to the link notes. */
function readsAlike(a: Host, b: Host): boolean {
  if (a.name !== b.name || a.site !== b.site || a.options !== b.options) return false;
  return sameRoles(a, b);
}

/** True when two versions of a host hold the same roles in the same order. */
export function sameRoles(a: Host, b: Host): boolean {
  return a.roles.length === b.roles.length && a.roles.every((r, i) => b.roles[i] === r);
}

/**
 * Ids of hosts that came or went in an edit, or whose name, site, roles or options changed: the
 * hosts whose neighbours and named-by hosts must be checked again, and whose links the link notes
 * read again. A host only moved or put into a zone reads alike.
 *
 * @param hosts - The hosts an edit removed and added (a replaced host is in both).
 * @returns Their ids.
 * @example
 * readChanged(diff(before.hosts, after.hosts)); // Set {'mp01'} after MP01 got a role
 */
export function readChanged(hosts: { removed: readonly Host[]; added: readonly Host[] }): Set<string> {
  const before = new Map(hosts.removed.map((h) => [h.id, h]));
  const out = new Set<string>();
  for (const h of hosts.added) {
    const old = before.get(h.id);
    if (!old || !readsAlike(old, h)) out.add(h.id);
  }
  const after = new Set(hosts.added.map((h) => h.id));
  for (const h of hosts.removed) if (!after.has(h.id)) out.add(h.id);
  return out;
}

/**
 * True when an edit only replaced hosts by versions that read alike and keep their address (a
 * host moved or put into a zone): no estate-wide check reads anything else of a host.
 *
 * @param hosts - The hosts an edit removed and added.
 * @param changed - `readChanged` of the same edit.
 * @returns Whether the estate-wide findings stay as they were (with links, settings, results and
 *   empty links unchanged too, which the caller checks).
 * @example
 * onlyMoved(diff(before.hosts, after.hosts), spread); // true after a host was put into a zone
 */
export function onlyMoved(
  hosts: { removed: readonly Host[]; added: readonly Host[] },
  changed: ReadonlySet<string>,
): boolean {
  if (changed.size > 0 || hosts.removed.length !== hosts.added.length) return false;
  const before = new Map(hosts.removed.map((h) => [h.id, h]));
  return hosts.added.every((h) => before.get(h.id)?.ip === h.ip);
}

/**
 * Ids of hosts that came, went or changed their name in an edit.
 *
 * @param hosts - The hosts an edit removed and added.
 * @returns Their ids.
 * @example
 * renamedIds(diff(before.hosts, after.hosts)); // ['mp01'] after MP01 was renamed
 */
export function renamedIds(hosts: { removed: readonly Host[]; added: readonly Host[] }): string[] {
  const before = new Map(hosts.removed.map((h) => [h.id, h.name]));
  const out = hosts.added.filter((h) => before.get(h.id) !== h.name).map((h) => h.id);
  const after = new Set(hosts.added.map((h) => h.id));
  for (const h of hosts.removed) if (!after.has(h.id)) out.push(h.id);
  return out;
}
