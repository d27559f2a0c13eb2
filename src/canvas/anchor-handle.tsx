import { Handle, Position } from '@xyflow/react';
import { ANCHOR_HANDLE } from './canvas-types';

/**
 * The invisible box links attach to, at both ends (see canvas-types). It never starts a link; on a
 * host it is where one ends: while a link is being drawn it covers the whole box (CSS, keyed on the
 * canvas's `is-connecting` class), so the person need not hit a small dot.
 */
export function AnchorHandle({ droppable }: { droppable: boolean }) {
  return (
    <Handle
      id={ANCHOR_HANDLE}
      type="source"
      position={Position.Top}
      isConnectable={droppable}
      isConnectableStart={false}
      isConnectableEnd={droppable}
      className="host-node__anchor"
    />
  );
}
