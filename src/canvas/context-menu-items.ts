/**
 * What the canvas's right-click menu offers, per kind of thing under the pointer (issue 12: "a
 * right-click menu on a host, a link, a zone and the empty canvas offers what fits there"). A
 * registry, as the export formats are: an item is one entry in its kind's list; zone items (and
 * the host's "Add to new zone") come with the zone work.
 */
import type { Position } from '@/domain/document';
import { inferredLinkIds } from '@/domain/edits/keep-links';
import { message } from '@/domain/message';
import type { AppState, AppStore } from '@/store/app-store';
import { ARRANGE_COMMANDS, arrangeBlocked } from '@/store/arrange-commands';
import { arrangeActions } from '@/store/arrange-slice';
import type { Text } from '@/store/ui-types';

/** What the menu was opened on. A pane menu knows where, in flow coordinates (for "add here"). */
export type MenuTarget =
  | { readonly kind: 'host'; readonly id: string }
  | { readonly kind: 'link'; readonly id: string }
  | { readonly kind: 'zone'; readonly id: string }
  | { readonly kind: 'pane'; readonly at: Position };

export type MenuTargetKind = MenuTarget['kind'];
export type TargetOf<K extends MenuTargetKind> = Extract<MenuTarget, { kind: K }>;

/** What an item can ask of the canvas beyond the store. */
export interface CanvasCommands {
  readonly fitView: () => void;
  /** Starts the in-place rename of a host, as a double-click on its name does. */
  readonly rename: (hostId: string) => void;
  /** Lays the diagram out; absent until the app hands the automatic layout to the canvas. */
  readonly tidy?: () => void;
}

export interface ContextMenuItem<K extends MenuTargetKind = MenuTargetKind> {
  readonly id: string;
  /** What the menu says, in the app's language when shown (a catalogue message). */
  readonly label: Text;
  /** The key that does the same outside the menu, shown beside the label. */
  readonly shortcut?: string;
  /** Items of one group sit together, with a divider above the group. */
  readonly group?: string;
  /** Whether the item is listed at all (default: always); `enabled` greys out what is listed. */
  readonly visible?: (state: AppState, target: TargetOf<K>, canvas: CanvasCommands) => boolean;
  readonly enabled: (state: AppState, target: TargetOf<K>) => boolean;
  readonly run: (store: AppStore, target: TargetOf<K>, canvas: CanvasCommands) => void;
}

export type ContextMenuRegistry = { readonly [K in MenuTargetKind]: readonly ContextMenuItem<K>[] };

const always = () => true;
const hasHosts = (state: AppState) => state.hosts.length > 0;

/** Align and distribute, listed only when enough hosts are selected for them to do anything. */
const arrangeItems = <K extends MenuTargetKind>(): ContextMenuItem<K>[] =>
  ARRANGE_COMMANDS.map((command) => ({
    id: command.id,
    label: command.label,
    group: command.group,
    visible: (state) => arrangeBlocked(command, state.selectedHostIds.length) === undefined,
    enabled: always,
    run: (store) => {
      command.run(store.getState());
    },
  }));

/** The hosts linked to any of `hostIds`, not counting those. */
function linkedHosts(state: AppState, hostIds: readonly string[]): string[] {
  const picked = new Set(hostIds);
  const found = new Set<string>();
  for (const l of state.links) {
    if (picked.has(l.source) && !picked.has(l.target)) found.add(l.target);
    if (picked.has(l.target) && !picked.has(l.source)) found.add(l.source);
  }
  return [...found];
}

// Host items act on the selection: the menu selects the host first when it was not selected.
const HOST_ITEMS: readonly ContextMenuItem<'host'>[] = [
  {
    id: 'rename',
    label: message('canvas:menu.rename'),
    enabled: always,
    run: (_store, target, canvas) => canvas.rename(target.id),
  },
  {
    id: 'duplicate',
    label: message('canvas:menu.duplicate'),
    shortcut: 'Ctrl+D',
    enabled: always,
    run: (store) => {
      store.getState().duplicateSelection();
    },
  },
  {
    id: 'select-linked',
    label: message('canvas:menu.selectLinked'),
    enabled: (state) => linkedHosts(state, state.selectedHostIds).length > 0,
    run: (store) => {
      const state = store.getState();
      state.select([...state.selectedHostIds, ...linkedHosts(state, state.selectedHostIds)], []);
    },
  },
  {
    id: 'delete',
    label: message('canvas:menu.delete'),
    shortcut: 'Delete',
    enabled: always,
    run: (store) => store.getState().removeSelection(),
  },
  ...arrangeItems<'host'>(),
];

const isInferred = (state: AppState, linkId: string) =>
  state.links.some((l) => l.id === linkId && l.inferred === true);

const LINK_ITEMS: readonly ContextMenuItem<'link'>[] = [
  {
    id: 'show-in-matrix',
    label: message('canvas:menu.showInMatrix'),
    enabled: always,
    run: (store, target) => {
      const state = store.getState();
      state.revealLink(target.id);
      if (state.matrixSize === 'collapsed') state.setMatrixSize('normal');
    },
  },
  {
    id: 'keep',
    label: message('canvas:menu.keepLink'),
    visible: (state, target) => isInferred(state, target.id),
    enabled: always,
    run: (store, target) => {
      arrangeActions(store.getState()).keepLinks([target.id]);
    },
  },
  {
    id: 'delete',
    label: message('canvas:menu.delete'),
    shortcut: 'Delete',
    enabled: always,
    run: (store) => store.getState().removeSelection(),
  },
];

const PANE_ITEMS: readonly ContextMenuItem<'pane'>[] = [
  {
    id: 'paste',
    label: message('canvas:menu.paste'),
    shortcut: 'Ctrl+V',
    enabled: (state) => (state.clipboard?.hosts.length ?? 0) > 0,
    run: (store) => {
      store.getState().paste();
    },
  },
  {
    id: 'select-all',
    label: message('canvas:menu.selectAll'),
    shortcut: 'Ctrl+A',
    enabled: hasHosts,
    run: (store) => {
      const state = store.getState();
      state.select(
        state.hosts.map((h) => h.id),
        [],
      );
    },
  },
  {
    id: 'fit-view',
    label: message('canvas:menu.fitView'),
    enabled: hasHosts,
    run: (_store, _target, canvas) => canvas.fitView(),
  },
  {
    id: 'tidy',
    label: message('canvas:menu.tidy'),
    visible: (_state, _target, canvas) => canvas.tidy !== undefined,
    enabled: hasHosts,
    run: (_store, _target, canvas) => canvas.tidy?.(),
  },
  {
    id: 'keep-all',
    label: message('canvas:menu.keepAllLinks'),
    visible: (state) => state.links.some((l) => l.inferred),
    enabled: always,
    run: (store) => {
      const state = store.getState();
      arrangeActions(state).keepLinks(inferredLinkIds(state));
    },
  },
  // A selection drawn with Shift-drag is right-clicked on the canvas around it as often as on a host.
  ...arrangeItems<'pane'>(),
];

/** Every kind's items, in menu order. Zone items are added with the zone work (see `withItems`). */
export const CONTEXT_MENU_ITEMS: ContextMenuRegistry = {
  host: HOST_ITEMS,
  link: LINK_ITEMS,
  zone: [],
  pane: PANE_ITEMS,
};

/**
 * A registry with more items for one kind, after those it has: how the zone work adds its
 * items (zone menu, "Add to new zone" on hosts) without this file knowing them.
 *
 * @example
 * const registry = withItems(CONTEXT_MENU_ITEMS, 'zone', ZONE_ITEMS);
 */
export function withItems<K extends MenuTargetKind>(
  registry: ContextMenuRegistry,
  kind: K,
  items: readonly ContextMenuItem<K>[],
): ContextMenuRegistry {
  return { ...registry, [kind]: [...registry[kind], ...items] };
}

/** An item as the menu shows it. */
export interface ShownItem {
  readonly id: string;
  readonly label: Text;
  readonly shortcut?: string;
  readonly group?: string;
  readonly enabled: boolean;
  readonly run: () => void;
}

/** The items listed for `target` now, bound to it. */
export function itemsFor(
  registry: ContextMenuRegistry,
  target: MenuTarget,
  store: AppStore,
  canvas: CanvasCommands,
): ShownItem[] {
  const state = store.getState();
  // One kind's items with its own target type: the union is narrowed by `kind` at the call.
  const items = registry[target.kind] as readonly ContextMenuItem<typeof target.kind>[];
  const t = target as never;
  return items.flatMap((item) => {
    if (item.visible && !item.visible(state, t, canvas)) return [];
    return [
      {
        id: item.id,
        label: item.label,
        ...(item.shortcut ? { shortcut: item.shortcut } : {}),
        ...(item.group ? { group: item.group } : {}),
        enabled: item.enabled(state, t),
        run: () => item.run(store, t, canvas),
      },
    ];
  });
}
