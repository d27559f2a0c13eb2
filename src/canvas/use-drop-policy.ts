import { useReactFlow } from '@xyflow/react';
import { type DragEvent, useCallback, useState } from 'react';
import { message } from '@/domain/message';
import { HOST_HALF } from '@/domain/placement';
import { NEW_ZONE_SIZE } from '@/domain/zones/zone-frames';
import { isZoneKind } from '@/domain/zones/zone-kinds';
import { ROLE_DRAG_TYPE, ZONE_DRAG_TYPE } from '@/store/drag-role';
import { useAppStoreApi } from '@/store/store-context';
import { useWords } from '@/store/use-words';
import type { CanvasEdge, CanvasNode } from './canvas-types';
import { hostAt } from './drop-target';

/** The host (its node id) whose element an event happened on, if any. */
function hostElementUnder(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null;
  return target.closest('.react-flow__node')?.getAttribute('data-id') ?? null;
}

/** What the canvas hands React Flow for palette drags, and the host a drop would land on. */
export interface DropPolicy {
  /** The host under a dragged role (drawn as the drop target), or null. */
  readonly dropTarget: string | null;
  readonly onDragOver: (event: DragEvent) => void;
  readonly onDragLeave: (event: DragEvent) => void;
  readonly onDrop: (event: DragEvent) => void;
}

/**
 * Where a role dragged from the palette lands: on a host it adds the role to that host (and says
 * so, or that the host holds it already); on empty canvas it makes a new host under the pointer.
 */
export function useDropPolicy(): DropPolicy {
  const store = useAppStoreApi();
  // The role as a title, as the palette names it (`Management point`, `Verwaltungspunkt`).
  const { role: roleTitle } = useWords();
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  const [dropTarget, setDropTarget] = useState<string | null>(null);

  /**
   * The host whose box the pointer is inside, by geometry (the pointer in flow coordinates against
   * each host's box), so a link dot, a label or a toast over a host decides nothing. Without a
   * view (jsdom has no layout) the element under the pointer decides.
   */
  const hostUnder = useCallback(
    (event: DragEvent): string | null => {
      const laidOut = (event.currentTarget as Element).getBoundingClientRect().width > 0;
      const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      if (!laidOut || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return hostElementUnder(event.target);
      const { hosts, layout, measured } = store.getState();
      return hostAt(p, hosts, layout, measured);
    },
    [flow, store],
  );

  const onDragOver = useCallback(
    (event: DragEvent) => {
      if (event.dataTransfer.types.includes(ZONE_DRAG_TYPE)) {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        return;
      }
      if (!event.dataTransfer.types.includes(ROLE_DRAG_TYPE)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      const over = hostUnder(event);
      setDropTarget((old) => (old === over ? old : over));
    },
    [hostUnder],
  );

  const onDragLeave = useCallback((event: DragEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropTarget(null);
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const zoneKind = event.dataTransfer.getData(ZONE_DRAG_TYPE);
      if (isZoneKind(zoneKind)) {
        event.preventDefault();
        const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
        const box = {
          x: Math.round(at.x - NEW_ZONE_SIZE.width / 2),
          y: Math.round(at.y - 15),
          ...NEW_ZONE_SIZE,
        };
        store
          .getState()
          .addZone(Number.isFinite(box.x) && Number.isFinite(box.y) ? box : undefined, zoneKind);
        return;
      }
      const role = event.dataTransfer.getData(ROLE_DRAG_TYPE);
      setDropTarget(null);
      if (!role) return;
      event.preventDefault();
      const state = store.getState();
      const hostId = hostUnder(event);
      const host = hostId ? state.hosts.find((h) => h.id === hostId) : undefined;
      if (host) {
        if (host.roles.includes(role)) {
          state.notify({
            tone: 'info',
            title: message('canvas:drop.alreadyHeld', { host: host.name, role: roleTitle(role) }),
          });
          return;
        }
        state.addRoleToHost(host.id, role);
        state.select([host.id], []);
        state.notify({
          tone: 'success',
          title: message('canvas:drop.roleAdded', { role: roleTitle(role), host: host.name }),
        });
        return;
      }
      const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // A view that is not set up yet yields NaN; the store then places the host mid-view.
      state.addHost(
        role,
        Number.isFinite(p.x) && Number.isFinite(p.y)
          ? { x: Math.round(p.x - HOST_HALF.x), y: Math.round(p.y - HOST_HALF.y) }
          : undefined,
      );
    },
    [flow, store, hostUnder, roleTitle],
  );

  return { dropTarget, onDragOver, onDragLeave, onDrop };
}
