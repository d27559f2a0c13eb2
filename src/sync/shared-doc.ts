/**
 * A topology document as a Yjs document: one top-level map per part (meta, hosts, links, zones,
 * settings, layout, results); each host, link and zone is a nested map of its fields, so two people editing
 * different fields of one host both keep their change. Writing is a diff (only changed fields are
 * set), so a peer's undo manager sees exactly what a person changed. Reading always goes through
 * restoreDocument: whatever a peer wrote is validated like a file before the app uses it.
 */
import * as Y from 'yjs';
import type { Catalogue } from '@/domain/catalogue-types';
import type { TopologyDocument } from '@/domain/document';
import { type RestoreResult, restoreDocument } from '@/domain/restore';
import {
  assignOrders,
  documentMeta,
  ENTITY_KINDS,
  entityFields,
  ORDER_KEY,
  type SharedSnapshot,
  snapshotToDocument,
} from '@/domain/shared-doc/shared-shape';

/** Names of the top-level maps of a shared document. */
export const SHARED_PARTS = ['meta', 'hosts', 'links', 'zones', 'settings', 'layout', 'results'] as const;
export type SharedPart = (typeof SHARED_PARTS)[number];

function part(ydoc: Y.Doc, name: SharedPart): Y.Map<unknown> {
  return ydoc.getMap<unknown>(name);
}

function plain(value: unknown): unknown {
  return value instanceof Y.AbstractType ? value.toJSON() : value;
}

/** A map's entries as a plain record; `Object.fromEntries` defines keys, so `__proto__` stays data. */
function record(map: Y.Map<unknown>): Record<string, unknown> {
  return Object.fromEntries([...map.entries()].map(([key, value]) => [key, plain(value)]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every(
    (key) =>
      Object.hasOwn(b, key) &&
      sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** Makes `map` hold `values`: sets what changed, deletes what is gone (except the keys in `keep`). */
function setRecord(map: Y.Map<unknown>, values: Readonly<Record<string, unknown>>, keep?: string): void {
  for (const key of [...map.keys()]) {
    if (key !== keep && (!Object.hasOwn(values, key) || values[key] === undefined)) map.delete(key);
  }
  for (const [key, value] of Object.entries(values)) {
    // Yjs cannot store undefined; an absent optional field is an absent key.
    if (value !== undefined && !sameValue(plain(map.get(key)), value)) map.set(key, value);
  }
}

function writeEntities(map: Y.Map<unknown>, list: readonly { readonly id: string }[]): void {
  const wanted = new Set(list.map((entity) => entity.id));
  for (const id of [...map.keys()]) if (!wanted.has(id)) map.delete(id);
  const existing = new Map<string, number>();
  for (const [id, value] of map.entries()) {
    const order = value instanceof Y.Map ? value.get(ORDER_KEY) : undefined;
    if (typeof order === 'number') existing.set(id, order);
  }
  const orders = assignOrders(
    list.map((entity) => entity.id),
    existing,
  );
  for (const entity of list) {
    const fields = entityFields(entity);
    const current = map.get(entity.id);
    if (current instanceof Y.Map && existing.has(entity.id)) {
      setRecord(current, fields, ORDER_KEY);
      continue;
    }
    const created = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) created.set(key, value);
    created.set(ORDER_KEY, orders.get(entity.id) ?? existing.size);
    map.set(entity.id, created);
  }
}

/**
 * Writes a document into a shared document as one transaction, changing only what differs.
 *
 * @param ydoc - the shared document
 * @param document - a restored document (the local view after an edit)
 * @param origin - the transaction origin, so an UndoManager can track only local changes
 * @example writeShared(ydoc, store.getState().document, LOCAL_ORIGIN);
 */
export function writeShared(ydoc: Y.Doc, document: TopologyDocument, origin?: unknown): void {
  ydoc.transact(() => {
    setRecord(part(ydoc, 'meta'), documentMeta(document));
    for (const kind of ENTITY_KINDS) writeEntities(part(ydoc, kind), document[kind]);
    setRecord(part(ydoc, 'settings'), document.settings as unknown as Record<string, unknown>);
    setRecord(part(ydoc, 'layout'), document.layout);
    setRecord(part(ydoc, 'results'), document.results ?? {});
  }, origin);
}

/**
 * Reads a shared document's plain, untrusted content.
 *
 * @param ydoc - the shared document
 * @returns each part as a plain record; entities as records of their fields
 * @example snapshotToDocument(readShared(ydoc)).hosts
 */
export function readShared(ydoc: Y.Doc): SharedSnapshot {
  const entities = (name: SharedPart) =>
    Object.fromEntries(
      [...part(ydoc, name).entries()].map(([id, value]) => [
        id,
        value instanceof Y.Map ? record(value) : plain(value),
      ]),
    );
  return {
    meta: record(part(ydoc, 'meta')),
    hosts: entities('hosts'),
    links: entities('links'),
    zones: entities('zones'),
    settings: record(part(ydoc, 'settings')),
    layout: record(part(ydoc, 'layout')),
    results: record(part(ydoc, 'results')),
  };
}

/** Whether nobody has written a document into this shared document yet. */
export function isSharedEmpty(ydoc: Y.Doc): boolean {
  return part(ydoc, 'meta').size === 0;
}

/**
 * The document a shared document holds, read through restoreDocument: a peer's bad update
 * (wrong types, links to missing hosts, unknown roles, oversized text) is repaired or refused
 * with a report, never handed to the app as is.
 *
 * @param ydoc - the shared document
 * @param catalogue - the role and settings catalogue
 * @returns as restoreDocument
 * @example
 * const result = fromShared(ydoc, catalogue);
 * if (result.ok) store.getState().loadDocument(result.document);
 */
export function fromShared(ydoc: Y.Doc, catalogue: Catalogue): RestoreResult {
  return restoreDocument(snapshotToDocument(readShared(ydoc)), catalogue);
}
