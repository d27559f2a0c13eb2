import { Handle, Position } from '@xyflow/react';
import { ANCHOR_HANDLE } from './canvas-types';

/** The invisible point links attach to (see canvas-types); it never starts or ends a drag. */
export function AnchorHandle() {
  return (
    <Handle
      id={ANCHOR_HANDLE}
      type="source"
      position={Position.Top}
      isConnectable={false}
      className="host-node__anchor"
    />
  );
}
