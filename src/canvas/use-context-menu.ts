/**
 * Opening the canvas's right-click menu: React Flow's context-menu callbacks and the keyboard
 * (Shift+F10, the ContextMenu key) say what was opened on and where. Which menu is open lives in a
 * small store of its own, not in the canvas's state: opening a menu re-renders the menu only,
 * never the whole diagram.
 */
import { type Edge, type Node, useReactFlow } from '@xyflow/react';
import { type MouseEvent as ReactMouseEvent, useCallback, useMemo, useState } from 'react';
import { useAppStoreApi } from '@/store/store-context';
import type { MenuTarget } from './context-menu-items';

/** An element focus can go back to: a host's node, a link's path group, the find field. */
export type Focusable = HTMLElement | SVGElement;

/** An open menu: on what, at which point of the window, and where focus goes back on Escape. */
export interface OpenMenu {
  readonly target: MenuTarget;
  readonly x: number;
  readonly y: number;
  readonly opener: Focusable | null;
  /** Counts openings, so a menu opened again on the same target starts afresh. */
  readonly seq: number;
}

export interface MenuController {
  readonly get: () => OpenMenu | null;
  readonly subscribe: (listener: () => void) => () => void;
  readonly open: (menu: Omit<OpenMenu, 'seq'>) => void;
  readonly close: () => void;
}

/** A store of one value, read by `useSyncExternalStore`. */
export function createMenuController(): MenuController {
  let current: OpenMenu | null = null;
  let seq = 0;
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const l of listeners) l();
  };
  return {
    get: () => current,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    open: (menu) => {
      seq += 1;
      current = { ...menu, seq };
      emit();
    },
    close: () => {
      if (current === null) return;
      current = null;
      emit();
    },
  };
}

/** What the canvas hands React Flow (the three callbacks) and the menu (the controller). */
export interface ContextMenuHandle {
  readonly controller: MenuController;
  /** Opens the menu for `target` at a point of the window, selecting a host or link first. */
  readonly openFor: (target: MenuTarget, x: number, y: number, opener: Focusable | null) => void;
  readonly onNodeContextMenu: (event: ReactMouseEvent, node: Node) => void;
  readonly onEdgeContextMenu: (event: ReactMouseEvent, edge: Edge) => void;
  readonly onPaneContextMenu: (event: ReactMouseEvent | MouseEvent) => void;
  /**
   * For React Flow's `onSelectionContextMenu`: a right-click on the box around a Shift-drag
   * selection opens the canvas's menu, whose align and distribute items act on that selection.
   */
  readonly onSelectionContextMenu: (event: ReactMouseEvent) => void;
}

/**
 * Where a menu opened by this event goes: at the pointer, or, when the keyboard opened it (a
 * contextmenu event without a pointer position), below the element's top-left corner.
 */
export function menuPoint(
  event: { clientX: number; clientY: number },
  element: Element | null,
): { x: number; y: number } {
  if (event.clientX !== 0 || event.clientY !== 0 || !element) return { x: event.clientX, y: event.clientY };
  const rect = element.getBoundingClientRect();
  return { x: rect.left, y: rect.bottom };
}

/** The menu's callbacks for <ReactFlow>; each keeps its identity across renders. */
export function useContextMenu(): ContextMenuHandle {
  const store = useAppStoreApi();
  const { screenToFlowPosition } = useReactFlow();
  const [controller] = useState(createMenuController);

  const openFor = useCallback(
    (target: MenuTarget, x: number, y: number, opener: Focusable | null) => {
      const state = store.getState();
      // As in draw.io: a right-click on something outside the selection makes it the selection,
      // so every item acts on what is selected; inside it, the selection stays.
      if (target.kind === 'host' && !state.selectedHostIds.includes(target.id)) state.select([target.id], []);
      if (target.kind === 'link' && !state.selectedLinkIds.includes(target.id)) state.select([], [target.id]);
      if (target.kind === 'zone' && !state.selectedZoneIds.includes(target.id)) state.selectZone(target.id);
      controller.open({ target, x, y, opener });
    },
    [store, controller],
  );

  const openOnPane = useCallback(
    (event: { clientX: number; clientY: number; preventDefault: () => void }) => {
      event.preventDefault();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      openFor({ kind: 'pane', at }, event.clientX, event.clientY, focused);
    },
    [openFor, screenToFlowPosition],
  );

  const onNodeContextMenu = useCallback(
    (event: ReactMouseEvent, node: Node) => {
      // Placeholders (roles no host holds) and site bands have no menu of their own: the canvas's.
      if (node.type !== 'host' && node.type !== 'zone') return openOnPane(event);
      event.preventDefault();
      const element = event.currentTarget instanceof HTMLElement ? event.currentTarget : null;
      const { x, y } = menuPoint(event, element);
      const zone = (node.data as { zone?: { id: string } }).zone;
      const target: MenuTarget =
        node.type === 'host' ? { kind: 'host', id: node.id } : { kind: 'zone', id: zone?.id ?? node.id };
      openFor(target, x, y, element);
    },
    [openFor, openOnPane],
  );

  const onEdgeContextMenu = useCallback(
    (event: ReactMouseEvent, edge: Edge) => {
      // Ghost links (required, not drawn) are not selectable: the canvas's menu.
      if (edge.type !== 'link') return openOnPane(event);
      event.preventDefault();
      const opener = event.currentTarget instanceof SVGElement ? event.currentTarget : null;
      const { x, y } = menuPoint(event, opener);
      openFor({ kind: 'link', id: edge.id }, x, y, opener);
    },
    [openFor, openOnPane],
  );

  return useMemo(
    () => ({
      controller,
      openFor,
      onNodeContextMenu,
      onEdgeContextMenu,
      onPaneContextMenu: openOnPane,
      onSelectionContextMenu: openOnPane,
    }),
    [controller, openFor, onNodeContextMenu, onEdgeContextMenu, openOnPane],
  );
}
