/**
 * Document → ELK graph for the automatic layout ("Tidy", issue 12).
 *
 * Nesting, chosen so both views read at once: zones are the outer boxes (nested by `parent`), and
 * inside a zone each site is a box of the hosts of one site code. A site box sits in the zone most
 * of its hosts are in; its hosts in other zones sit directly in their own zone (a box may not
 * cross a zone border, and the zone is what a firewall rule is about). Hosts without a site sit
 * directly in their zone; hosts without a (known) zone at the top level. Bands from top to bottom
 * come from ELK's partitioning (see layout-tiers.ts).
 *
 * Each box is laid out on its own (hierarchy handling `SEPARATE_CHILDREN`), inside out. With
 * `INCLUDE_CHILDREN` elkjs 0.12 ignores partitions below the top level (a client came out above its
 * site server; elkjs issue 327 says the same of layer constraints), so the bands could not be
 * promised. A link between hosts in different boxes becomes one edge between the two boxes (or
 * box and host) that hold them side by side, so boxes still order and pull together by their links.
 * Big groups of like hosts in a site are one grid node (layout-grid.ts). ELK lays out site boxes;
 * the top level and zones are packed in rows by layout-pack.ts, which reads the same partitions
 * and edges (the graph stays one that ELK alone could lay out too).
 */
import type { Catalogue } from '../catalogue-types';
import { catalogue as defaultCatalogue } from '../default-catalogue';
import type { Host, TopologyDocument } from '../document';
import { DEFAULT_HOST_SIZE } from './host-size';
import { gridded, type Member } from './layout-grid';
import { siteHomes, zoneParents } from './layout-homes';
import { hostKind, looseTier, siteMemberTier, siteTier, siteTypes, TIER_EMPTY } from './layout-tiers';
import type { LayoutEdge, LayoutNode, LayoutOptions, Size } from './layout-types';

/** Size of a zone without hosts, so it still gets a box to draw. */
export const EMPTY_ZONE_SIZE: Size = { width: 200, height: 100 };

/** Prefixes of the layout graph's node ids, so hosts, zones and sites never collide. */
export const NODE_PREFIX = { host: 'host:', zone: 'zone:', site: 'site:', grid: 'grid:' } as const;

/**
 * Options of every graph, the top level and each box: ELK reads them per graph when children are
 * laid out separately. Components are not separated, or partitions would hold only within each.
 */
const GRAPH: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
  'elk.partitioning.activate': 'true',
  'elk.separateConnectedComponents': 'false',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '56',
  // The canvas draws its own edges; polyline routes cost ELK far less than orthogonal ones.
  'elk.edgeRouting': 'POLYLINE',
};
/** A box's top padding leaves room for its title (zone name, site code and type). */
const BOX: LayoutOptions = { ...GRAPH, 'elk.padding': '[top=44,left=24,bottom=24,right=24]' };
const ROOT: LayoutOptions = { ...GRAPH, 'elk.padding': '[top=0,left=0,bottom=0,right=0]' };
/** Above this many children a graph gets one crossing-minimisation pass, not ELK's seven. */
export const BUSY_GRAPH = 150;
/** Crossing minimisation took most of a 1,000-host layout; a busy graph is unreadable in detail anyway. */
const withEffort = (options: LayoutOptions, children: number): LayoutOptions =>
  children > BUSY_GRAPH ? { ...options, 'elk.layered.thoroughness': '1' } : options;

/**
 * ELK's partitioning ties every node of one band to every node of the next (its cost grows with
 * the product of the two bands' sizes: a site of 100 systems and 400 clients took ELK over ten
 * seconds). Up to this many such pairs a graph uses partitions; above it, its first band goes into
 * separate first layers and its last band into separate last layers (cost linear in the nodes);
 * bands in between are then ordered by their links only.
 */
export const PARTITION_PAIRS_LIMIT = 4000;

/**
 * The children of one graph with their bands set, by partition or by first and last layer
 * constraints; `packed` graphs (top level, zones) always by partition: the packer reads them and
 * its cost does not grow with them.
 */
function banded(members: readonly Member[], packed = false): LayoutNode[] {
  const counts = new Map<number, number>();
  for (const m of members) counts.set(m.tier, (counts.get(m.tier) ?? 0) + 1);
  const tiers = [...counts.keys()].sort((a, b) => a - b);
  let pairs = 0;
  for (let i = 1; i < tiers.length; i += 1) pairs += counts.get(tiers[i - 1]!)! * counts.get(tiers[i]!)!;
  const first = tiers[0];
  const last = tiers[tiers.length - 1];
  return members.map(({ node, tier }) => {
    if (packed || pairs <= PARTITION_PAIRS_LIMIT) {
      return {
        ...node,
        layoutOptions: { ...node.layoutOptions, 'elk.partitioning.partition': String(tier) },
      };
    }
    const constraint = tier === first ? 'FIRST_SEPARATE' : tier === last ? 'LAST_SEPARATE' : undefined;
    if (!constraint) return node;
    return {
      ...node,
      layoutOptions: { ...node.layoutOptions, 'elk.layered.layering.layerConstraint': constraint },
    };
  });
}

/**
 * The ELK graph of a document: algorithm `layered`, direction down, zones and sites as compound
 * nodes laid out inside out, bands by partition, one edge per pair of side-by-side nodes a link
 * joins (links between two clients are left out: they would stack clients in layers, not a row).
 *
 * @param document - The document to lay out; its current positions are not read.
 * @param sizes - Measured host sizes by host id; a host not in it gets {@link DEFAULT_HOST_SIZE}.
 * @param catalogue - Tells clients and internet or cloud peers by their roles.
 * @returns The root node, ready for `elk.layout`; node ids carry {@link NODE_PREFIX}.
 * @example
 * const graph = layoutGraph(document, { cas: { width: 172, height: 70 } });
 * const placement = positionsFrom(await elk.layout(graph));
 */
export function layoutGraph(
  document: TopologyDocument,
  sizes: Readonly<Record<string, Size>> = {},
  catalogue: Catalogue = defaultCatalogue,
): LayoutNode {
  const parents = zoneParents(document);
  const zoneOf = (h: Host) => (h.zone !== undefined && parents.has(h.zone) ? h.zone : '');
  const kinds = new Map(document.hosts.map((h) => [h.id, hostKind(h, catalogue)]));
  const homes = siteHomes(document.hosts, zoneOf, kinds);
  const types = siteTypes(document.hosts);

  const inZone = new Map<string, Member[]>();
  const inSite = new Map<string, Member[]>();
  /** Node ids from the top box down to each host's own node, to find where a link's edge belongs. */
  const paths = new Map<string, readonly string[]>();
  const tierOf = new Map<string, number>();
  const push = (map: Map<string, Member[]>, key: string, m: Member) => {
    tierOf.set(m.node.id, m.tier);
    const list = map.get(key);
    if (list) list.push(m);
    else map.set(key, [m]);
  };
  const zonePath = (zone: string): string[] => {
    const path: string[] = [];
    for (let z: string | undefined = zone || undefined; z !== undefined; z = parents.get(z)) {
      path.unshift(NODE_PREFIX.zone + z);
    }
    return path;
  };

  for (const h of document.hosts) {
    const kind = kinds.get(h.id)!;
    const size = sizes[h.id] ?? DEFAULT_HOST_SIZE;
    const node: LayoutNode = { id: NODE_PREFIX.host + h.id, width: size.width, height: size.height };
    const zone = zoneOf(h);
    const boxed = h.site !== undefined && h.site !== '' && !kind.edge && homes.get(h.site) === zone;
    if (boxed) {
      push(inSite, h.site!, { node, tier: siteMemberTier(kind), like: [...h.roles].sort().join(' ') });
      paths.set(h.id, [...zonePath(zone), NODE_PREFIX.site + h.site, node.id]);
    } else {
      const type = h.site ? types.get(h.site) : undefined;
      push(inZone, zone, { node, tier: looseTier(kind, type, Boolean(h.site)) });
      paths.set(h.id, [...zonePath(zone), node.id]);
    }
  }
  for (const [site, all] of inSite) {
    const { members, gridOf } = gridded(all, `${NODE_PREFIX.grid}${site}:`);
    for (const [node, grid] of gridOf) {
      tierOf.set(grid, tierOf.get(node)!);
      const path = paths.get(node.slice(NODE_PREFIX.host.length))!;
      paths.set(node.slice(NODE_PREFIX.host.length), [...path.slice(0, -1), grid, node]);
    }
    const children = banded(members);
    const node: LayoutNode = {
      id: NODE_PREFIX.site + site,
      layoutOptions: withEffort(BOX, children.length),
      children,
    };
    push(inZone, homes.get(site)!, { node, tier: siteTier(types.get(site)) });
  }

  const childZones = new Map<string, string[]>();
  for (const [id, parent] of parents) {
    const list = childZones.get(parent ?? '') ?? [];
    list.push(id);
    childZones.set(parent ?? '', list);
  }
  const edgesOf = new Map<string, LayoutEdge[]>();
  const contents = (key: string): Member[] => {
    const members = [...(inZone.get(key) ?? [])];
    for (const id of childZones.get(key) ?? []) {
      const inner = contents(id);
      const tier = inner.length > 0 ? Math.min(...inner.map((m) => m.tier)) : TIER_EMPTY;
      const base = { id: NODE_PREFIX.zone + id, layoutOptions: withEffort(BOX, inner.length) };
      const node: LayoutNode =
        inner.length > 0 ? { ...base, children: banded(inner, true) } : { ...base, ...EMPTY_ZONE_SIZE };
      tierOf.set(node.id, tier);
      members.push({ node, tier });
    }
    return members;
  };
  const top = contents('');

  // One edge per pair of side-by-side nodes that hold a link's ends, pointing down the bands.
  const seen = new Set<string>();
  const linkedClients = new Set<string>();
  for (const link of document.links) {
    const a = paths.get(link.source);
    const b = paths.get(link.target);
    if (!a || !b || link.source === link.target) continue;
    const sourceClient = kinds.get(link.source)!.client;
    const targetClient = kinds.get(link.target)!.client;
    if (sourceClient && targetClient) continue;
    // A client keeps its first link only: enough to sit below what it talks to, and a client's
    // every link kept made 1,000 hosts take ELK many seconds (edges across layers, crossings).
    const client = sourceClient ? link.source : targetClient ? link.target : undefined;
    if (client !== undefined && linkedClients.has(client)) continue;
    if (client !== undefined) linkedClients.add(client);
    let common = 0;
    while (a[common] === b[common]) common += 1;
    const owner = common === 0 ? '' : a[common - 1]!;
    // Nodes of one band sit side by side: an edge between them would only stack them in layers.
    // A grid keeps its hosts where they are, so links inside it have nothing to say.
    if (tierOf.get(a[common]!) === tierOf.get(b[common]!) || owner.startsWith(NODE_PREFIX.grid)) continue;
    const [from, to] = tierOf.get(a[common]!)! < tierOf.get(b[common]!)! ? [a, b] : [b, a];
    const source = from[common]!;
    const target = to[common]!;
    const key = `${source}\n${target}`;
    if (seen.has(key) || seen.has(`${target}\n${source}`)) continue;
    seen.add(key);
    const edge: LayoutEdge = { id: `edge:${seen.size}`, sources: [source], targets: [target] };
    const list = edgesOf.get(owner);
    if (list) list.push(edge);
    else edgesOf.set(owner, [edge]);
  }

  // Hang each edge on the lowest box holding both ends, as ELK's JSON format asks.
  const attach = (node: LayoutNode): LayoutNode => {
    const edges = edgesOf.get(node.id);
    const children = node.children?.map(attach);
    return { ...node, ...(children ? { children } : {}), ...(edges ? { edges } : {}) };
  };
  const root: LayoutNode = {
    id: 'root',
    layoutOptions: withEffort(ROOT, top.length),
    children: banded(top, true).map(attach),
  };
  const rootEdges = edgesOf.get('');
  return rootEdges ? { ...root, edges: rootEdges } : root;
}
