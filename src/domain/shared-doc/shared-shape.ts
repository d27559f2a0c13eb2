/**
 * The plain shape of a shared (live-edited) document, without any sync library: hosts, links and
 * zones as records keyed by id, each with an order number; settings, layout and test results as
 * records of their keys (results by flow key, so two people's imports merge flow by flow); the envelope (format, version, name, description) as `meta`. src/sync maps this to
 * and from Yjs maps; restoreDocument turns `snapshotToDocument`'s result back into a document,
 * so whatever a peer wrote is validated like any file before the app uses it.
 */
import type { TopologyDocument } from '../document';

/** Fields of one shared entity (a host, link or zone), without its id (the record's key). */
export type SharedEntity = Readonly<Record<string, unknown>>;

/** Key of an entity's order number; `#` keeps it apart from every document field name. */
export const ORDER_KEY = '#order';

/** The entity lists of a document, by the name of their shared map. */
export const ENTITY_KINDS = ['hosts', 'links', 'zones'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** A shared document read from (or to be written to) the sync layer; values are untrusted. */
export interface SharedSnapshot {
  readonly meta: Readonly<Record<string, unknown>>;
  readonly hosts: Readonly<Record<string, unknown>>;
  readonly links: Readonly<Record<string, unknown>>;
  readonly zones: Readonly<Record<string, unknown>>;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly layout: Readonly<Record<string, unknown>>;
  /** Test results by flow key; absent where the sync layer has no such part (older peers). */
  readonly results?: Readonly<Record<string, unknown>>;
}

function orderOf(value: unknown): number {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, ORDER_KEY)) return Infinity;
  const order = (value as Record<string, unknown>)[ORDER_KEY];
  return typeof order === 'number' && Number.isFinite(order) ? order : Infinity;
}

function entityList(records: Readonly<Record<string, unknown>>): unknown[] {
  // Sorted by order, then by id in code-unit order, so every peer builds the same list whatever
  // order its maps were filled in; two entities added at once with one order tie on their ids.
  const entries = Object.entries(records).map(([id, value]) => ({ id, value, order: orderOf(value) }));
  entries.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return entries.map(({ id, value }) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const { [ORDER_KEY]: _order, ...fields } = value as Record<string, unknown>;
    return { ...fields, id };
  });
}

/**
 * The raw document a snapshot stands for, to be read through `restoreDocument` (never used as is).
 *
 * @param snapshot - what the sync layer read from a shared document; any values
 * @returns a plain object in the file format: entity lists ordered by their order numbers, ids
 *   taken from the record keys
 * @example
 * const result = restoreDocument(snapshotToDocument(snapshot), catalogue);
 * if (result.ok) show(result.document);
 */
export function snapshotToDocument(snapshot: SharedSnapshot): Record<string, unknown> {
  return {
    ...snapshot.meta,
    hosts: entityList(snapshot.hosts),
    links: entityList(snapshot.links),
    zones: entityList(snapshot.zones),
    settings: { ...snapshot.settings },
    layout: { ...snapshot.layout },
    // Empty is no results: restore leaves the field out, as a file without it.
    ...(snapshot.results && Object.keys(snapshot.results).length > 0
      ? { results: { ...snapshot.results } }
      : {}),
  };
}

/**
 * The envelope fields a document keeps in `meta`.
 *
 * @param document - a restored document
 * @returns format, version, name and (when set) description
 * @example documentMeta(doc) // { format: 'cm-port-planner', version: 3, name: 'Site P01' }
 */
export function documentMeta(document: TopologyDocument): Record<string, unknown> {
  const { format, version, name, description } = document;
  return description === undefined ? { format, version, name } : { format, version, name, description };
}

/**
 * An entity's shared fields: everything but its id (the record key) and its order number.
 *
 * @param entity - a host, link or zone
 * @returns the fields to store under the entity's id
 * @example entityFields({ id: 'z1', name: 'DMZ' }) // { name: 'DMZ' }
 */
export function entityFields(entity: { readonly id: string }): Record<string, unknown> {
  const { id: _id, ...fields } = entity;
  return fields;
}

/**
 * Order numbers for the entities of a list that the shared document does not hold yet, so that
 * writing a list keeps the order of the entities already shared and places new ones where they
 * stand in the list: after the last, or evenly between two neighbours.
 *
 * @param ids - the list's ids in their order
 * @param existing - order numbers already shared, by id
 * @returns an order number for every id of `ids` not in `existing`
 * @example
 * assignOrders(['a', 'b', 'c'], new Map([['a', 0]])) // Map { 'b' => 1, 'c' => 2 }
 */
export function assignOrders(
  ids: readonly string[],
  existing: ReadonlyMap<string, number>,
): Map<string, number> {
  const result = new Map<string, number>();
  let run: string[] = [];
  let previous: number | undefined;
  const place = (next: number | undefined) => {
    if (run.length === 0) return;
    const low = previous ?? (next === undefined ? -1 : next - run.length - 1);
    // A neighbour that is not above (the local list ordered them otherwise) leaves plain steps.
    const step = next === undefined || next <= low ? 1 : (next - low) / (run.length + 1);
    run.forEach((id, i) => {
      result.set(id, low + step * (i + 1));
    });
    run = [];
  };
  for (const id of ids) {
    const order = existing.get(id);
    if (order === undefined) {
      if (!result.has(id) && !run.includes(id)) run.push(id);
      continue;
    }
    place(order);
    previous = previous === undefined ? order : Math.max(previous, order);
  }
  place(undefined);
  return result;
}
