/**
 * What the canvas does with React Flow's node changes. Positions of hosts and zones in a zone are
 * relative to it (sub flows); the store keeps absolute ones, so a final position is its parent's
 * absolute corner plus the relative one. During a drag or a zone resize React Flow holds the
 * moving nodes (`live`), and the store gets the result once, at the end (one undo step).
 */
import {
  applyNodeChanges,
  type NodeChange,
  type ReactFlowState,
  useStoreApi as useFlowStoreApi,
} from '@xyflow/react';
import { type MutableRefObject, useCallback } from 'react';
import type { Position } from '@/domain/document';
import { useAppStoreApi } from '@/store/store-context';
import type { Size } from '@/store/store-types';
import {
  type CanvasEdge,
  type CanvasNode,
  type PlaceholderNodeType,
  SITE_NODE_PREFIX,
  ZONE_NODE_PREFIX,
} from './canvas-types';
import type { LiveNodes } from './use-canvas-nodes';

type FlowState = ReactFlowState<CanvasNode, CanvasEdge>;

/** A node's parent's absolute corner, or the origin for a top-level node. */
function parentCorner(flow: FlowState, id: string): Position {
  const parentId = flow.nodeLookup.get(id)?.parentId;
  const parent = parentId ? flow.nodeLookup.get(parentId) : undefined;
  return parent ? parent.internals.positionAbsolute : { x: 0, y: 0 };
}

const absolute = (flow: FlowState, id: string, p: Position): Position => {
  const corner = parentCorner(flow, id);
  return { x: corner.x + p.x, y: corner.y + p.y };
};

const zoneId = (nodeId: string) => nodeId.slice(ZONE_NODE_PREFIX.length);

/**
 * The `onNodesChange` handler.
 *
 * @param live - what React Flow holds during a gesture
 * @param placeholderIds - the placeholder nodes (measured, never moved or selected)
 */
export function useNodeChanges(
  live: MutableRefObject<LiveNodes>,
  placeholderIds: MutableRefObject<ReadonlyMap<string, PlaceholderNodeType>>,
): (changes: NodeChange<CanvasNode>[]) => void {
  const store = useAppStoreApi();
  const flowStore = useFlowStoreApi<CanvasNode, CanvasEdge>();
  return useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const flow = flowStore.getState();
      const positions: Record<string, Position> = {};
      const sizes: Record<string, Size> = {};
      const hostSelection: { id: string; selected: boolean }[] = [];
      const zoneSelection: { id: string; selected: boolean }[] = [];
      const moving: NodeChange<CanvasNode>[] = [];
      const zoneMoves: [string, Position][] = [];
      const zoneResizes: string[] = [];
      // A zone resized by its top or left edge moves, and its hosts get counter-moves: all live.
      const resizing = changes.some((c) => c.type === 'dimensions' && c.resizing === true);
      for (const change of changes) {
        if (!('id' in change) || change.id.startsWith(SITE_NODE_PREFIX)) continue;
        const isZone = change.id.startsWith(ZONE_NODE_PREFIX);
        if (isZone && change.type === 'dimensions' && change.dimensions) {
          if (change.resizing === undefined) continue;
          live.current.sizes.set(change.id, change.dimensions);
          moving.push(change);
          if (change.resizing === false) zoneResizes.push(change.id);
        } else if (change.type === 'dimensions' && change.dimensions) {
          // Placeholders are measured like hosts (their ghost links need the box) but never move or select.
          sizes[change.id] = change.dimensions;
        } else if (placeholderIds.current.has(change.id)) continue;
        else if (change.type === 'position' && change.position) {
          if (change.dragging || resizing) {
            live.current.positions.set(change.id, change.position);
            moving.push(change);
          } else if (isZone) {
            live.current.positions.delete(change.id);
            zoneMoves.push([zoneId(change.id), absolute(flow, change.id, change.position)]);
          } else {
            live.current.positions.delete(change.id);
            positions[change.id] = absolute(flow, change.id, change.position);
          }
        } else if (change.type === 'select') {
          if (isZone) zoneSelection.push({ id: zoneId(change.id), selected: change.selected });
          else hostSelection.push(change);
        }
        // 'remove' arrives through onDelete, as one undo step with the links.
      }
      if (moving.length > 0) flow.setNodes(applyNodeChanges(moving, flow.nodes));
      const state = store.getState();
      if (Object.keys(sizes).length > 0) state.setMeasured(sizes);
      if (Object.keys(positions).length > 0) state.moveHosts(positions);
      for (const [id, to] of zoneMoves) state.moveZoneTo(id, to);
      for (const nodeId of zoneResizes) {
        const node = flowStore.getState().nodeLookup.get(nodeId);
        const size = live.current.sizes.get(nodeId);
        if (node && size) {
          const corner = node.internals.positionAbsolute;
          state.resizeZoneTo(zoneId(nodeId), { x: corner.x, y: corner.y, ...size });
        }
        // The gesture is over: what React Flow held is the store's now.
        live.current.sizes.delete(nodeId);
        live.current.positions.clear();
      }
      if (hostSelection.length > 0) state.changeSelection('host', hostSelection);
      if (zoneSelection.length > 0) state.changeSelection('zone', zoneSelection);
    },
    [store, flowStore, live, placeholderIds],
  );
}
