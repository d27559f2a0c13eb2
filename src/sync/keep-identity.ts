import type { TopologyDocument } from '@/domain/document';

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (k) => Object.hasOwn(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

function keepList<T extends { readonly id: string }>(
  local: readonly T[],
  incoming: readonly T[],
): readonly T[] {
  const byId = new Map(local.map((item) => [item.id, item]));
  let changed = local.length !== incoming.length;
  const list = incoming.map((item, i) => {
    const mine = byId.get(item.id);
    const kept = mine !== undefined && same(mine, item) ? mine : item;
    if (kept !== local[i]) changed = true;
    return kept;
  });
  return changed ? list : local;
}

function keepRecord<T>(local: Readonly<Record<string, T>>, incoming: Readonly<Record<string, T>>) {
  let changed = Object.keys(local).length !== Object.keys(incoming).length;
  const next: Record<string, T> = {};
  for (const [key, value] of Object.entries(incoming)) {
    const mine = local[key];
    const kept = Object.hasOwn(local, key) && same(mine, value) ? (mine as T) : value;
    if (kept !== mine) changed = true;
    next[key] = kept;
  }
  return changed ? next : local;
}

/**
 * A peer's document with every part that equals the local one replaced by the local object, so
 * that a change to one host re-derives and redraws one host, not the whole diagram (the engine,
 * the checks and the canvas reuse work by object identity).
 *
 * @param local - The document the view shows now.
 * @param incoming - The document read back from the shared document.
 * @returns `incoming`, sharing every unchanged host, link, zone, position and the settings with `local`.
 * @example
 * keepIdentity(before, after).hosts[0] === before.hosts[0]; // true when that host did not change
 */
export function keepIdentity(local: TopologyDocument, incoming: TopologyDocument): TopologyDocument {
  return {
    ...incoming,
    hosts: keepList(local.hosts, incoming.hosts),
    links: keepList(local.links, incoming.links),
    zones: keepList(local.zones, incoming.zones),
    settings: same(local.settings, incoming.settings) ? local.settings : incoming.settings,
    layout: keepRecord(local.layout, incoming.layout),
  };
}
