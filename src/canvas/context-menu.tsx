import { useStore as useFlowStore, useReactFlow } from '@xyflow/react';
import {
  type KeyboardEvent as ReactKeyboardEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useAppStoreApi } from '@/store/store-context';
import { isEditable } from '@/store/use-shortcuts';
import { useWords } from '@/store/use-words';
import {
  type CanvasCommands,
  CONTEXT_MENU_ITEMS,
  type ContextMenuRegistry,
  itemsFor,
  type MenuTarget,
  type MenuTargetKind,
  type ShownItem,
} from './context-menu-items';
import type { ContextMenuHandle, OpenMenu } from './use-context-menu';

/** The menu's name for each kind of target (its accessible name). */
const MENU_NAMES = {
  host: 'menu.host',
  link: 'menu.link',
  zone: 'menu.zone',
  pane: 'menu.pane',
} as const satisfies Record<MenuTargetKind, string>;

/** Key names as the keyboard of the language prints them (`Ctrl+D`, `Strg+D`); `+` and letters stay. */
const KEY_NAMES = { Ctrl: 'keys.ctrl', Shift: 'keys.shift', Delete: 'keys.delete' } as const;

/** As the canvas fits the diagram (diagram-canvas.tsx FIT_OPTIONS). */
const FIT_OPTIONS = { padding: 0.08, maxZoom: 1.25 };
/** Space kept between the menu and the window's edge. */
const EDGE_GAP = 4;

/**
 * Starts the host's in-place rename. The name field is the host node's own state, opened by a
 * double-click on the name: the menu does the same double-click rather than keep a second way in.
 */
function renameHost(root: HTMLElement | null, hostId: string): void {
  const node = [...(root?.querySelectorAll<HTMLElement>('.react-flow__node') ?? [])].find(
    (el) => el.dataset.id === hostId,
  );
  node
    ?.querySelector('.host-node__head')
    ?.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, cancelable: true }));
}

/** The keyboard's way to the menu: Shift+F10 or the ContextMenu key on a focused host or link. */
function keyboardTarget(event: KeyboardEvent, nodeType: (id: string) => string | undefined) {
  const opens = event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey);
  if (!opens || isEditable(event.target) || !(event.target instanceof Element)) return null;
  const node = event.target.closest<HTMLElement>('.react-flow__node');
  const id = node?.dataset.id;
  if (node && id && nodeType(id) === 'host')
    return { target: { kind: 'host', id } as MenuTarget, element: node };
  const edge = event.target.closest<SVGElement>('.react-flow__edge');
  const edgeId = edge?.dataset.id;
  if (edge && edgeId && edge.classList.contains('react-flow__edge-link'))
    return { target: { kind: 'link', id: edgeId } as MenuTarget, element: edge };
  return null;
}

function MenuPopup({
  open,
  items,
  onClose,
}: {
  open: OpenMenu;
  items: readonly ShownItem[];
  onClose: (restoreFocus: boolean) => void;
}) {
  const { t } = useTranslation('canvas');
  const { say } = useWords();
  const keys = (shortcut: string) =>
    shortcut
      .split('+')
      .map((k) => (k in KEY_NAMES ? t(KEY_NAMES[k as keyof typeof KEY_NAMES]) : k))
      .join('+');
  const root = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState({ left: open.x, top: open.y });

  // Kept inside the window: a menu opened near the right or bottom edge opens leftwards or upwards.
  useLayoutEffect(() => {
    const rect = root.current?.getBoundingClientRect();
    if (!rect) return;
    const left = Math.max(EDGE_GAP, Math.min(open.x, window.innerWidth - rect.width - EDGE_GAP));
    const top = Math.max(EDGE_GAP, Math.min(open.y, window.innerHeight - rect.height - EDGE_GAP));
    setPlace({ left, top });
    root.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not([disabled])')?.focus();
  }, [open]);

  useEffect(() => {
    const outside = (e: Event) => {
      if (!root.current?.contains(e.target as Node)) onClose(false);
    };
    const away = () => onClose(false);
    document.addEventListener('pointerdown', outside, true);
    document.addEventListener('wheel', outside, true);
    window.addEventListener('resize', away);
    window.addEventListener('blur', away);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      document.removeEventListener('wheel', outside, true);
      window.removeEventListener('resize', away);
      window.removeEventListener('blur', away);
    };
  }, [onClose]);

  const move = (to: (index: number, count: number) => number) => {
    const all = [
      ...(root.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])') ?? []),
    ];
    if (all.length === 0) return;
    const i = all.indexOf(document.activeElement as HTMLButtonElement);
    all[(to(i, all.length) + all.length) % all.length]?.focus();
  };

  const onKeyDown = (e: ReactKeyboardEvent) => {
    let handled = true;
    if (e.key === 'ArrowDown') move((i) => i + 1);
    else if (e.key === 'ArrowUp') move((i, n) => (i < 0 ? n - 1 : i - 1));
    else if (e.key === 'Home') move(() => 0);
    else if (e.key === 'End') move((_i, n) => n - 1);
    else if (e.key === 'Escape') onClose(true);
    else {
      handled = false;
      if (e.key === 'Tab') onClose(false);
    }
    if (handled) e.preventDefault();
    // The canvas's keys (Delete, arrows that move hosts) are not for the menu's buttons.
    e.stopPropagation();
  };

  return (
    <div
      ref={root}
      role="menu"
      aria-label={t(MENU_NAMES[open.target.kind])}
      className="context-menu"
      style={place}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {items.map((item, i) => {
        const label = say(item.label);
        return (
          <div key={item.id} role="none">
            {i > 0 && item.group !== items[i - 1]?.group && <hr className="context-menu__separator" />}
            <button
              type="button"
              role="menuitem"
              className="context-menu__item"
              disabled={!item.enabled}
              aria-label={label}
              aria-keyshortcuts={item.shortcut?.replace('Ctrl', 'Control')}
              onClick={() => {
                // Focus goes back first: an item that moves focus itself (rename) keeps it.
                onClose(true);
                item.run();
              }}
            >
              <span className="context-menu__label">{label}</span>
              {item.shortcut && <kbd className="context-menu__shortcut">{keys(item.shortcut)}</kbd>}
            </button>
          </div>
        );
      })}
    </div>
  );
}

/**
 * The canvas's right-click menu: the registry's items for what was right-clicked (a host, a link,
 * a zone, the empty canvas), at the pointer. Arrow keys, Home and End move, Enter runs, Escape
 * closes and puts focus back; Shift+F10 or the ContextMenu key opens it on a focused host or link.
 * Rendered inside <ReactFlow>, in a portal over the page so no panel clips it.
 *
 * @param menu - from `useContextMenu()`, whose callbacks the canvas hands to React Flow
 * @param registry - the items per kind; `CONTEXT_MENU_ITEMS` unless extended (`withItems`)
 * @param onTidy - lays the diagram out; the pane menu offers Tidy only when given
 */
export function ContextMenu({
  menu,
  registry = CONTEXT_MENU_ITEMS,
  onTidy,
}: {
  menu: ContextMenuHandle;
  registry?: ContextMenuRegistry;
  onTidy?: () => void;
}) {
  const store = useAppStoreApi();
  const flow = useReactFlow();
  const domNode = useFlowStore((s) => s.domNode);
  const { controller, openFor } = menu;
  const open = useSyncExternalStore(controller.subscribe, controller.get, controller.get);

  useEffect(() => {
    if (!domNode) return;
    const onKey = (event: KeyboardEvent) => {
      const found = keyboardTarget(event, (id) => flow.getNode(id)?.type);
      if (!found) return;
      event.preventDefault();
      const rect = found.element.getBoundingClientRect();
      openFor(found.target, rect.left, rect.bottom, found.element);
    };
    domNode.addEventListener('keydown', onKey);
    return () => domNode.removeEventListener('keydown', onKey);
  }, [domNode, flow, openFor]);

  const canvas = useMemo<CanvasCommands>(
    () => ({
      fitView: () => void flow.fitView(FIT_OPTIONS),
      rename: (hostId) => renameHost(domNode, hostId),
      ...(onTidy ? { tidy: onTidy } : {}),
    }),
    [flow, domNode, onTidy],
  );
  // Read once per opening: the menu shows what fits the moment it opened.
  const items = useMemo(
    () => (open ? itemsFor(registry, open.target, store, canvas) : []),
    [open, registry, store, canvas],
  );
  const onClose = useCallback(
    (restoreFocus: boolean) => {
      const opener = controller.get()?.opener;
      controller.close();
      if (restoreFocus && opener?.isConnected) opener.focus();
    },
    [controller],
  );
  // Nothing to offer there (a zone, until zone items are registered): no menu, and none left open.
  const empty = open !== null && items.length === 0;
  useEffect(() => {
    if (empty) controller.close();
  }, [empty, controller]);

  if (!open || empty) return null;
  return createPortal(
    <MenuPopup key={open.seq} open={open} items={items} onClose={onClose} />,
    document.body,
  );
}
