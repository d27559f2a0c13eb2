import type { Host, Link } from '../document';
import type { Flow } from '../flow';
import { type CheckContext, ROLE } from './context';

/**
 * What the info findings of notes 5 and 6 and of the site installation ports read of links and
 * flows. Built from the flows for one run (`linkNotesOf`), or kept per link by the incremental
 * checker (`NoteLedger`) so an edit reads only the links it touched.
 */
export interface LinkNotes {
  /** Flows that open the RPC dynamic range (note 6), their hosts, links (document order) and sections. */
  readonly dynamic: {
    readonly count: number;
    readonly hosts: IdSet;
    readonly links: readonly string[];
    readonly sections: IdSet;
  };
  /** Site system links where both sides open connections, or only the site server (note 5). */
  readonly direction: {
    readonly both: number;
    readonly serverOnly: number;
    readonly hosts: IdSet;
    readonly links: readonly string[];
  };
  /** Links between a site server and a remote SQL Server (site installation ports). */
  readonly install: { readonly hosts: IdSet; readonly links: readonly string[] };
  /** The ids of one of these host sets in host name order, if kept listed (the incremental checker's). */
  readonly hostsInOrder?: (ids: IdSet) => readonly string[] | undefined;
}

/** Ids with a size and membership: a Set, or a Map of ids to counts. */
export interface IdSet {
  readonly size: number;
  has(id: string): boolean;
  keys(): IterableIterator<string>;
}

/**
 * How a link with note-5 flows counts: 'both' when both sides open connections, 'server' when
 * its site system lets only the site server (option set), undefined when it does not count.
 *
 * @param a - The link's source host, if it exists.
 * @param b - The link's target host, if it exists.
 * @param both - Whether some note-5 flow of the link is opened by both sides.
 * @returns The link's direction for note 5.
 * @example
 * directionOf(mp, siteServer, true); // 'both'
 */
export function directionOf(
  a: Host | undefined,
  b: Host | undefined,
  both: boolean,
): 'both' | 'server' | undefined {
  const system = [a, b].find((h) => h && !h.roles.includes(ROLE.siteServer));
  if (!system) return undefined;
  if (system.options.siteServerInitiates === true) return 'server';
  return both ? 'both' : undefined;
}

/**
 * True when the link joins a site server and a SQL Server on another host.
 *
 * @param a - One end.
 * @param b - The other end.
 * @returns Whether the site installation ports concern the link.
 * @example
 * isRemoteSql(siteServer, sqlHost); // true
 */
export function isRemoteSql(a: Host, b: Host): boolean {
  return (
    (a.roles.includes(ROLE.siteServer) && b.roles.includes(ROLE.sql) && !a.roles.includes(ROLE.sql)) ||
    (b.roles.includes(ROLE.siteServer) && a.roles.includes(ROLE.sql) && !b.roles.includes(ROLE.sql))
  );
}

/**
 * What a link's flows say for notes 5 and 6.
 *
 * @param flows - The flows of one link.
 * @returns How many open the RPC dynamic range and their sections, and the note-5 facts.
 * @example
 * flowFacts(flows).dynamic; // 2
 */
export function flowFacts(flows: Iterable<Pick<Flow, 'dynamic' | 'sections' | 'notes' | 'bothInitiate'>>): {
  dynamic: number;
  sections: string[];
  note5: boolean | undefined;
} {
  let dynamic = 0;
  const sections = new Set<string>();
  let note5: boolean | undefined;
  for (const flow of flows) {
    if (flow.dynamic) {
      dynamic += 1;
      for (const section of flow.sections) sections.add(section);
    }
    if (flow.notes.includes(5)) note5 = note5 === true || flow.bothInitiate;
  }
  return { dynamic, sections: [...sections], note5 };
}

/**
 * Links among `ids`, in document order, for each of several id sets: one pass over the links.
 *
 * @param links - The document's links.
 * @param sets - Link id sets.
 * @returns For each set, its ids in document order.
 * @example
 * const [dynamic, direction] = inLinkOrder(document.links, [dynamicIds, directionIds]);
 */
export function inLinkOrder(links: readonly Link[], sets: readonly IdSet[]): string[][] {
  const out = sets.map((): string[] => []);
  if (sets.every((s) => s.size === 0)) return out;
  for (const link of links) {
    for (let i = 0; i < sets.length; i += 1) if (sets[i]?.has(link.id)) out[i]?.push(link.id);
  }
  return out;
}

/**
 * The link notes of one run, from the flows.
 *
 * @param ctx - The run's context.
 * @returns What notes 5, 6 and the site installation ports read.
 * @example
 * linkNotesOf(ctx).dynamic.count; // flows opening the RPC dynamic range
 */
export function linkNotesOf(ctx: CheckContext): LinkNotes {
  // One pass over the flows, allocating only for the flows notes 5 and 6 concern.
  let count = 0;
  const dynamicHosts = new Set<string>();
  const dynamicLinks = new Set<string>();
  const sections = new Set<string>();
  const note5 = new Map<string, boolean>();
  for (const flow of ctx.derivation.flows) {
    if (flow.dynamic) {
      count += 1;
      dynamicHosts.add(flow.initiator);
      dynamicHosts.add(flow.responder);
      dynamicLinks.add(flow.linkId);
      for (const section of flow.sections) sections.add(section);
    }
    if (flow.notes.includes(5)) {
      const linkId = flow.linkId;
      if (flow.bothInitiate) note5.set(linkId, true);
      else if (!note5.has(linkId)) note5.set(linkId, false);
    }
  }
  const direction = { both: 0, serverOnly: 0, hosts: new Set<string>(), ids: new Set<string>() };
  for (const [linkId, both] of note5) {
    const link = ctx.linkById.get(linkId);
    if (!link) continue;
    const ends = [ctx.hostById.get(link.source), ctx.hostById.get(link.target)] as const;
    const how = directionOf(ends[0], ends[1], both);
    if (!how) continue;
    if (how === 'both') direction.both += 1;
    else direction.serverOnly += 1;
    direction.ids.add(linkId);
    for (const h of ends) if (h) direction.hosts.add(h.id);
  }
  const install = { hosts: new Set<string>(), ids: new Set<string>() };
  // Only links between a site server and a SQL Server qualify: test ids first, hosts after.
  const servers = new Set(ctx.hostsWith(ROLE.siteServer).map((h) => h.id));
  const sql = new Set(ctx.hostsWith(ROLE.sql).map((h) => h.id));
  for (const { id, source, target } of ctx.document.links) {
    if (!((servers.has(source) && sql.has(target)) || (servers.has(target) && sql.has(source)))) continue;
    const a = ctx.hostById.get(source);
    const b = ctx.hostById.get(target);
    if (!a || !b || !isRemoteSql(a, b)) continue;
    install.ids.add(id);
    install.hosts.add(a.id);
    install.hosts.add(b.id);
  }
  const [dynamicOrder = [], directionOrder = [], installOrder = []] = inLinkOrder(ctx.document.links, [
    dynamicLinks,
    direction.ids,
    install.ids,
  ]);
  return {
    dynamic: { count, hosts: dynamicHosts, links: dynamicOrder, sections },
    direction: { ...direction, links: directionOrder },
    install: { hosts: install.hosts, links: installOrder },
  };
}
