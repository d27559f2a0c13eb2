/**
 * Which hosts an edit changed, found by identity: the store replaces the objects it edits and
 * keeps the others, so a pass of pointer comparisons tells the canvas what to redo (issue 18).
 * Pure: no React.
 */
import type { Host, Position } from '@/domain/document';
import { changedAt } from '@/domain/list-scan';
import type { Size } from '@/store/store-types';

/** The document parts a host's drawing depends on. */
export interface HostState {
  readonly hosts: readonly Host[];
  readonly layout: Readonly<Record<string, Position>>;
  readonly measured: Readonly<Record<string, Size>>;
  /** The hosts' positions in host order, when known for these very hosts and layout (layout-column.ts). */
  readonly xy?: Float64Array | undefined;
}

/**
 * The indexes of the hosts whose object, position or size differ between `before` and `after`, or
 * undefined when the hosts are not the same ids in the same order (then the caller starts afresh).
 *
 * @example
 * changedHosts({ hosts: [a, b], layout, measured }, { hosts: [a, b2], layout, measured }); // [1]
 */
export function changedHosts(before: HostState, after: HostState): readonly number[] | undefined {
  // The far scene, its bounds and the site bands ask about the same edit: answered once.
  const l = last;
  if (
    l &&
    l.before.hosts === before.hosts &&
    l.before.layout === before.layout &&
    l.before.measured === before.measured &&
    l.after.hosts === after.hosts &&
    l.after.layout === after.layout &&
    l.after.measured === after.measured
  )
    return l.changed;
  const changed = compare(before, after);
  last = {
    before: { hosts: before.hosts, layout: before.layout, measured: before.measured },
    after: { hosts: after.hosts, layout: after.layout, measured: after.measured },
    changed,
  };
  return changed;
}

/** The last question and its answer (a pure function's memo: the same states give the same indexes). */
let last: { before: HostState; after: HostState; changed: readonly number[] | undefined } | undefined;

/** Indexes of the host objects `hosts` replaced in `old`, or undefined when the ids or their order differ. */
function replaced(old: readonly Host[], hosts: readonly Host[]): number[] | undefined {
  if (hosts.length !== old.length) return undefined;
  const changed = changedAt(hosts, old, hosts.length)!;
  for (const i of changed) if (hosts[i]!.id !== old[i]!.id) return undefined;
  return changed;
}

function compare(before: HostState, after: HostState): number[] | undefined {
  const { hosts } = after;
  const changed = replaced(before.hosts, hosts);
  if (!changed) return undefined;
  const moved = before.layout !== after.layout;
  const resized =
    before.measured === after.measured ? undefined : resizedIds(before.measured, after.measured);
  if (!moved && resized === undefined) return changed;
  const seen = new Set(changed);
  for (let i = 0; i < hosts.length; i += 1) {
    const id = hosts[i]!.id;
    if (seen.has(i)) continue;
    if ((moved && after.layout[id] !== before.layout[id]) || resized?.has(id)) changed.push(i);
  }
  return changed;
}

/**
 * The ids whose size differs between two size records, or undefined when none does. A record holds
 * only what React Flow measured (in far view a few hundred zones and bands, not the 100,000 hosts),
 * so this is faster than asking each host for its size twice.
 */
function resizedIds(
  before: Readonly<Record<string, Size>>,
  after: Readonly<Record<string, Size>>,
): ReadonlySet<string> | undefined {
  const ids = new Set<string>();
  for (const id in after) if (after[id] !== before[id]) ids.add(id);
  for (const id in before) if (after[id] !== before[id]) ids.add(id);
  return ids.size > 0 ? ids : undefined;
}

/** How many hosts each zone holds, and the hosts counted. */
export interface ZoneCounts {
  readonly hosts: readonly Host[];
  readonly counts: ReadonlyMap<string, number>;
}

/**
 * Hosts per zone id. Given the last counts, only the hosts an edit replaced are looked at (a pass
 * of pointer comparisons); while no zone gained or lost a host the counts are the same map.
 *
 * @example
 * zoneHostCounts([{ id: 'a', zone: 'z1', … }]).counts.get('z1'); // 1
 */
export function zoneHostCounts(hosts: readonly Host[], previous?: ZoneCounts): ZoneCounts {
  const changed = previous ? replaced(previous.hosts, hosts) : undefined;
  if (!previous || !changed) {
    const counts = new Map<string, number>();
    // Indexed: it runs once on opening a large document, where an iterator's step is an object per host.
    for (let i = 0; i < hosts.length; i += 1) {
      const zone = hosts[i]!.zone;
      if (zone !== undefined) counts.set(zone, (counts.get(zone) ?? 0) + 1);
    }
    return { hosts, counts };
  }
  const moved = changed.filter((i) => previous.hosts[i]!.zone !== hosts[i]!.zone);
  if (moved.length === 0) return { hosts, counts: previous.counts };
  const counts = new Map(previous.counts);
  const add = (zone: string | undefined, by: number) => {
    if (zone === undefined) return;
    const n = (counts.get(zone) ?? 0) + by;
    if (n === 0) counts.delete(zone);
    else counts.set(zone, n);
  };
  for (const i of moved) {
    add(previous.hosts[i]!.zone, -1);
    add(hosts[i]!.zone, 1);
  }
  return { hosts, counts };
}
