import type { Edge, Node } from '@xyflow/react';
import type { Host } from '@/domain/document';
import type { HostStatus } from '@/store/derived';
import type { LinkModel } from './link-model';

/** What a host node draws; rebuilt only when the host or its status changes. */
export type HostNodeData = {
  readonly host: Host;
  readonly status: HostStatus | undefined;
};

export type HostNodeType = Node<HostNodeData, 'host'>;

/** What a link edge draws; rebuilt only when the flows change. */
export type LinkEdgeData = {
  readonly model: LinkModel;
};

export type LinkEdgeType = Edge<LinkEdgeData, 'link'>;

/**
 * Handle ids. `anchor` (source) and `in` (target) both cover the whole host and sit at its top
 * centre, so an edge's sourceX/Y and targetX/Y place both hosts' boxes without each edge
 * subscribing to its two nodes. `out` is the visible dot a person drags from.
 */
export const ANCHOR_HANDLE = 'anchor';
export const DROP_HANDLE = 'in';
export const DRAG_HANDLE = 'out';
