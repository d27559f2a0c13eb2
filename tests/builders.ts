/**
 * The one set of builders for tests: `makeDocument([makeHost('site', ['site-server'])],
 * [makeLink('site', 'sql')])`, and `makeStore(doc)` for a fresh store over it. Everything not given
 * gets a plain default (name = id, no options, default site settings, hosts on a grid).
 */
import type { RoleId } from '@/domain/catalogue-types';
import { catalogue } from '@/domain/default-catalogue';
import type { Host, Link, Position, TopologyDocument } from '@/domain/document';
import { createEmptyDocument } from '@/domain/restore';
import { createAppStore, type StoreOptions } from '@/store/app-store';
import { sampleDocument } from '@/store/templates';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A host with the given roles; `patch` sets anything else (name, site, options, ip, …). */
export function makeHost(id: string, roles: readonly RoleId[] = [], patch: Partial<Host> = {}): Host {
  return { id, name: id, roles: [...roles], options: {}, ...patch };
}

/** A link between two host ids; its id is `source-target` unless given. */
export function makeLink(source: string, target: string, id = `${source}-${target}`): Link {
  return { id, source, target };
}

/**
 * A document of these hosts and links with default settings; links may be given as `[source,
 * target]` pairs. Hosts are laid out on a grid unless `patch.layout` says otherwise; `patch` sets
 * anything else (name, zones, settings, …).
 */
export function makeDocument(
  hosts: readonly Host[] = [],
  links: readonly (Link | readonly [string, string])[] = [],
  patch: Partial<TopologyDocument> = {},
): TopologyDocument {
  const base = createEmptyDocument(catalogue, 'Test topology');
  const layout: Record<string, Position> = {};
  hosts.forEach((h, i) => {
    layout[h.id] = { x: (i % 6) * 240, y: Math.floor(i / 6) * 180 };
  });
  const document: Mutable<TopologyDocument> = {
    ...base,
    hosts: [...hosts],
    links: links.map((l) => ('id' in l ? l : makeLink(l[0], l[1]))),
    layout,
    ...patch,
  };
  return document;
}

/** A fresh store holding `doc`, or a site server, a management point and a client, the MP linked to both. */
export function makeStore(doc?: TopologyDocument, options?: StoreOptions) {
  return createAppStore(
    doc ??
      makeDocument(
        [
          makeHost('site', ['site-server'], { name: 'P01-SITE' }),
          makeHost('mp', ['management-point'], { name: 'P01-MP01' }),
          makeHost('pc', ['client'], { name: 'Clients' }),
        ],
        [makeLink('mp', 'site', 'l1'), makeLink('pc', 'mp', 'l2')],
      ),
    options,
  );
}

/** A Storage in memory; `failWrites` makes setItem throw like a full or locked browser storage. */
export class MemoryStorage implements Storage {
  readonly map = new Map<string, string>();
  failWrites: 'QuotaExceededError' | 'SecurityError' | null = null;
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new DOMException('write refused', this.failWrites);
    this.map.set(key, value);
  }
}

/**
 * Scenario 8's diagram: the standalone primary example with the SQL Server role taken off its site
 * server P01-SITE, so site P01 has no site database (two errors, each with a ghost to a placeholder).
 */
export function standaloneWithoutSql(): TopologyDocument {
  const doc = sampleDocument(catalogue);
  return {
    ...doc,
    hosts: doc.hosts.map((h) =>
      h.id === 'site' ? { ...h, roles: h.roles.filter((r) => r !== 'sql-server') } : h,
    ),
  };
}
