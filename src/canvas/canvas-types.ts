import type { Edge, Node } from '@xyflow/react';
import type { Severity } from '@/domain/checks/finding';
import type { Host, Zone } from '@/domain/document';
import type { ElementStatus, GhostLink } from '@/store/derived';
import type { LinkModel } from './link-model';

/** What a host node draws; rebuilt only when the host or its status changes. */
export type HostNodeData = {
  readonly host: Host;
  readonly status: ElementStatus | undefined;
};

export type HostNodeType = Node<HostNodeData, 'host'>;

/** A stand-in for a role no host holds (a finding's ghost ends here); never part of the document. */
export type PlaceholderNodeData = {
  readonly roleName: string;
  readonly abbr: string;
  readonly color: string;
  readonly severity: Severity;
};

export type PlaceholderNodeType = Node<PlaceholderNodeData, 'placeholder'>;

export type CanvasNode = HostNodeType | PlaceholderNodeType | ZoneNodeType | SiteNodeType;

/** What a link edge draws; rebuilt only when the flows or the link's findings change. */
export type LinkEdgeData = {
  readonly model: LinkModel;
  readonly status: ElementStatus | undefined;
};

export type LinkEdgeType = Edge<LinkEdgeData, 'link'>;

/** A required connection that is not drawn: a dashed line, not selectable, carrying no flows. */
export type GhostEdgeData = {
  readonly ghost: GhostLink;
};

export type GhostEdgeType = Edge<GhostEdgeData, 'ghost'>;

export type CanvasEdge = LinkEdgeType | GhostEdgeType;

/**
 * Handle ids. `anchor` covers the whole host and sits at its top centre; every link starts and ends
 * there (the canvas connects loosely, source to source), so an edge's sourceX/Y and targetX/Y place
 * both hosts' boxes without each edge subscribing to its two nodes. It is also where a new link is
 * dropped. `out` is the visible dot a person drags from.
 */
export const ANCHOR_HANDLE = 'anchor';
export const DRAG_HANDLE = 'out';

/** A network zone drawn as a box that holds its hosts (React Flow parent node). */
export type ZoneNodeData = {
  readonly zone: Zone;
  /** Colour id (data/zones.json): the frame draws `--zone-<colour>`. */
  readonly colour: string;
  readonly hostCount: number;
};

export type ZoneNodeType = Node<ZoneNodeData, 'zone'>;

/** A site's band behind its hosts: code, type and parent site; never selected or dragged. */
export type SiteNodeData = {
  readonly code: string;
  /** The site type's name from the catalogue (`Primary site`), if its site server says. */
  readonly typeName: string | undefined;
  readonly parentSite: string | undefined;
};

export type SiteNodeType = Node<SiteNodeData, 'site'>;

/**
 * Node ids of zones and sites: a prefix with `/`, which no host id can hold (restore's ID_PATTERN),
 * so a zone or site never shares an id with a host.
 */
export const ZONE_NODE_PREFIX = 'zone/';
export const SITE_NODE_PREFIX = 'site/';
