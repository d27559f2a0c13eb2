import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { HostNode } from './host-node';
import { LinkEdge } from './link-edge';

/** Module constants: React Flow re-creates every node when these objects change identity (STACK.md). */
export const nodeTypes: NodeTypes = { host: HostNode };
export const edgeTypes: EdgeTypes = { link: LinkEdge };
