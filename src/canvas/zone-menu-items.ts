/**
 * The right-click menu's zone items (issue 12): on a zone, on a host ("Put in a new zone") and on
 * the empty canvas ("Add a zone here"). Registered into the canvas's menu with `withItems`.
 */
import { message } from '@/domain/message';
import { NEW_ZONE_SIZE } from '@/domain/zones/zone-frames';
import { zoneAndDescendants } from '@/domain/zones/zone-tree';
import {
  CONTEXT_MENU_ITEMS,
  type ContextMenuItem,
  type ContextMenuRegistry,
  withItems,
} from './context-menu-items';

const always = () => true;

const ZONE_ITEMS: readonly ContextMenuItem<'zone'>[] = [
  {
    id: 'zone-edit',
    label: message('canvas:menu.editZone'),
    enabled: always,
    run: (store, target) => store.getState().selectZone(target.id),
  },
  {
    id: 'zone-select-hosts',
    label: message('canvas:menu.selectZoneHosts'),
    enabled: (state, target) => state.hosts.some((h) => h.zone === target.id),
    run: (store, target) => {
      const state = store.getState();
      const inside = zoneAndDescendants(state.zones, target.id);
      state.select(
        state.hosts.flatMap((h) => (h.zone !== undefined && inside.has(h.zone) ? [h.id] : [])),
        [],
      );
    },
  },
  {
    id: 'zone-fit',
    label: message('canvas:menu.fitZone'),
    enabled: (state, target) => state.hosts.some((h) => h.zone === target.id),
    run: (store, target) => store.getState().fitZoneToHosts(target.id),
  },
  {
    id: 'zone-delete',
    label: message('canvas:menu.deleteZone'),
    group: 'delete',
    enabled: always,
    run: (store, target) => store.getState().deleteZones([target.id]),
  },
];

const HOST_ITEMS: readonly ContextMenuItem<'host'>[] = [
  {
    id: 'host-new-zone',
    label: message('canvas:menu.newZone'),
    shortcut: 'Ctrl+G',
    group: 'zone',
    enabled: always,
    run: (store) => {
      store.getState().zoneAroundSelection();
    },
  },
];

const PANE_ITEMS: readonly ContextMenuItem<'pane'>[] = [
  {
    id: 'pane-add-zone',
    label: message('canvas:menu.addZone'),
    group: 'zone',
    enabled: always,
    run: (store, target) => {
      store.getState().addZone({ x: target.at.x, y: target.at.y, ...NEW_ZONE_SIZE });
    },
  },
];

/** The canvas's menu with the zone items. */
export const CANVAS_MENU_ITEMS: ContextMenuRegistry = withItems(
  withItems(withItems(CONTEXT_MENU_ITEMS, 'zone', ZONE_ITEMS), 'host', HOST_ITEMS),
  'pane',
  PANE_ITEMS,
);
