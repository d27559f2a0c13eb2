import { catalogue } from '@/domain/default-catalogue';
import type { Host, Link, Position, TopologyDocument } from '@/domain/document';
import { createEmptyDocument } from '@/domain/restore';
import { createAppStore, type StoreOptions } from '@/store/app-store';
import { sampleDocument } from '@/store/templates';

/** A host with roles; name defaults to the id in upper case. */
export function makeHost(id: string, roles: string[], patch: Partial<Host> = {}): Host {
  return { id, name: id.toUpperCase(), roles, options: {}, ...patch };
}

export function makeLink(id: string, source: string, target: string): Link {
  return { id, source, target };
}

/** A document from hosts and links, each host placed on a row. */
export function makeDocument(hosts: Host[] = [], links: Link[] = [], name = 'Test'): TopologyDocument {
  const layout: Record<string, Position> = {};
  hosts.forEach((h, i) => {
    layout[h.id] = { x: i * 240, y: 0 };
  });
  return { ...createEmptyDocument(catalogue, name), hosts, links, layout };
}

/** A fresh store holding a site server, a management point and a client, MP linked to both. */
export function makeStore(doc?: TopologyDocument, options?: StoreOptions) {
  return createAppStore(
    doc ??
      makeDocument(
        [
          makeHost('site', ['site-server'], { name: 'P01-SITE' }),
          makeHost('mp', ['management-point'], { name: 'P01-MP01' }),
          makeHost('pc', ['client'], { name: 'Clients' }),
        ],
        [makeLink('l1', 'mp', 'site'), makeLink('l2', 'pc', 'mp')],
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
