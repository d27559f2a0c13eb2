import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { GhostEdge } from './ghost-edge';
import { HostNode } from './host-node';
import { LinkEdge } from './link-edge';
import { PlaceholderNode } from './placeholder-node';

/** Module constants: React Flow re-creates every node when these objects change identity (STACK.md). */
export const nodeTypes: NodeTypes = { host: HostNode, placeholder: PlaceholderNode };
export const edgeTypes: EdgeTypes = { link: LinkEdge, ghost: GhostEdge };
