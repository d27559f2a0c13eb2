import {
  type CanvasCommands,
  CONTEXT_MENU_ITEMS,
  type ContextMenuItem,
  itemsFor,
  type ShownItem,
  withItems,
} from '@/canvas/context-menu-items';
import { makeStore } from '../builders';
import { text } from '../store/text';

const canvas = (extra: Partial<CanvasCommands> = {}): CanvasCommands => ({
  fitView: vi.fn(),
  rename: vi.fn(),
  ...extra,
});

const labels = (items: readonly ShownItem[]) => items.map((i) => text(i.label));

describe('the context menu registry', () => {
  it('has no zone items of its own, and takes more items per kind without changing the registry', () => {
    const store = makeStore();
    expect(itemsFor(CONTEXT_MENU_ITEMS, { kind: 'zone', id: 'dc' }, store, canvas())).toEqual([]);
    const run = vi.fn();
    const zoneItem: ContextMenuItem<'zone'> = {
      id: 'rename-zone',
      label: 'Rename zone',
      enabled: () => true,
      run,
    };
    const registry = withItems(CONTEXT_MENU_ITEMS, 'zone', [zoneItem]);
    const shown = itemsFor(registry, { kind: 'zone', id: 'dc' }, store, canvas());
    expect(labels(shown)).toEqual(['Rename zone']);
    shown[0]?.run();
    expect(run).toHaveBeenCalledWith(store, { kind: 'zone', id: 'dc' }, expect.anything());
    expect(CONTEXT_MENU_ITEMS.zone).toEqual([]);
    expect(registry.host).toBe(CONTEXT_MENU_ITEMS.host);
  });

  it('offers Tidy on the canvas only when the app handed the canvas a layout', () => {
    const store = makeStore();
    const at = { kind: 'pane', at: { x: 0, y: 0 } } as const;
    expect(labels(itemsFor(CONTEXT_MENU_ITEMS, at, store, canvas()))).not.toContain('Tidy');
    const tidy = vi.fn();
    const shown = itemsFor(CONTEXT_MENU_ITEMS, at, store, canvas({ tidy }));
    expect(labels(shown)).toContain('Tidy');
    shown.find((i) => text(i.label) === 'Tidy')?.run();
    expect(tidy).toHaveBeenCalledOnce();
  });

  it('lists align for two selected hosts and distribute from three', () => {
    const store = makeStore();
    const host = { kind: 'host', id: 'mp' } as const;
    store.getState().select(['mp'], []);
    expect(labels(itemsFor(CONTEXT_MENU_ITEMS, host, store, canvas()))).not.toContain('Align left edges');
    store.getState().select(['mp', 'site'], []);
    let shown = labels(itemsFor(CONTEXT_MENU_ITEMS, host, store, canvas()));
    expect(shown).toContain('Align middles');
    expect(shown).not.toContain('Distribute vertically');
    store.getState().select(['mp', 'site', 'pc'], []);
    shown = labels(itemsFor(CONTEXT_MENU_ITEMS, host, store, canvas()));
    expect(shown).toContain('Distribute vertically');
  });

  it('greys out "Select linked hosts" for a host without links', () => {
    const store = makeStore();
    store.getState().removeElements([], ['l1', 'l2']);
    store.getState().select(['mp'], []);
    const linked = itemsFor(CONTEXT_MENU_ITEMS, { kind: 'host', id: 'mp' }, store, canvas()).find(
      (i) => i.id === 'select-linked',
    );
    expect(linked?.enabled).toBe(false);
  });
});
