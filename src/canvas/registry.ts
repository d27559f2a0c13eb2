import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { GhostEdge } from './ghost-edge';
import { HostNode } from './host-node';
import { LinkEdge } from './link-edge';
import { PlaceholderNode } from './placeholder-node';
import { SiteNode, ZoneNode } from './zone-node';

/** Module constants: React Flow re-creates every node when these objects change identity (STACK.md). */
export const nodeTypes: NodeTypes = {
  host: HostNode,
  placeholder: PlaceholderNode,
  zone: ZoneNode,
  site: SiteNode,
};
export const edgeTypes: EdgeTypes = { link: LinkEdge, ghost: GhostEdge };
