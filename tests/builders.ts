/**
 * Builders for small topologies in tests: `makeDocument([makeHost('site', ['site-server'])],
 * [makeLink('site', 'sql')])`. Everything not given gets a plain default (name = id, no options,
 * default site settings, hosts on a grid).
 */
import type { RoleId } from '@/domain/catalogue-types';
import { catalogue } from '@/domain/default-catalogue';
import type { Host, Link, Position, TopologyDocument } from '@/domain/document';
import { createEmptyDocument } from '@/domain/restore';

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
 * target]` pairs. Hosts are laid out on a grid unless `patch.layout` says otherwise.
 */
export function makeDocument(
  hosts: readonly Host[],
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
