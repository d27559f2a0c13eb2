/**
 * Hosts by id for the panels and the problem shapes, kept across edits: the store replaces the
 * host objects it edits and keeps the order, so a pass of pointer comparisons tells whether the
 * last lookup's positions still hold (a walk hashing 10,000 ids costs milliseconds per edit).
 */
import type { Host } from '@/domain/document';

/** A document's hosts by id (the last of a repeated id, as a map built in order would hold). */
export interface HostLookup {
  readonly hosts: readonly Host[];
  get(id: string): Host | undefined;
  /** Position by id: shared with the next lookup while the ids stay where they are. */
  readonly positions: ReadonlyMap<string, number>;
}

function positionsOf(hosts: readonly Host[], from = 0, into = new Map<string, number>()) {
  for (let i = from; i < hosts.length; i += 1) into.set(hosts[i]!.id, i);
  return into;
}

/** Whether `hosts` starts with `old`'s ids in `old`'s order (objects may differ). */
function keepsIds(old: readonly Host[], hosts: readonly Host[]): boolean {
  if (hosts.length < old.length) return false;
  for (let i = 0; i < old.length; i += 1)
    if (!Object.is(hosts[i], old[i]) && hosts[i]!.id !== old[i]!.id) return false;
  return true;
}

/**
 * The lookup of `hosts`, built on `previous` when the hosts kept their ids and order (hosts
 * appended are added to a copy); otherwise built afresh.
 *
 * @param hosts - The document's hosts.
 * @param previous - The lookup of an earlier version of the document.
 * @returns A lookup by id.
 * @example
 * const first = hostLookup(document.hosts);
 * hostLookup(edited.hosts, first).get('mp')?.roles; // the edited host's roles
 */
export function hostLookup(hosts: readonly Host[], previous?: HostLookup): HostLookup {
  let positions: ReadonlyMap<string, number>;
  if (previous && previous.hosts === hosts) return previous;
  if (previous && keepsIds(previous.hosts, hosts)) {
    positions =
      hosts.length === previous.hosts.length
        ? previous.positions
        : positionsOf(hosts, previous.hosts.length, new Map(previous.positions));
  } else positions = positionsOf(hosts);
  return {
    hosts,
    positions,
    get: (id) => {
      const i = positions.get(id);
      return i === undefined ? undefined : hosts[i];
    },
  };
}
