/** @vitest-environment jsdom */
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { Link } from '@/domain/document';
import { makeDocument, makeHost, makeLink } from '../builders';
import { renderCanvas } from './render-canvas';

const inferred = (source: string, target: string, id: string): Link => ({
  ...makeLink(source, target, id),
  inferred: true,
});

function setup() {
  const view = renderCanvas(
    makeDocument(
      [
        makeHost('site', ['site-server'], { name: 'P01-SITE' }),
        makeHost('mp', ['management-point'], { name: 'P01-MP01' }),
        makeHost('dp', ['distribution-point'], { name: 'P01-DP01' }),
        makeHost('pc', ['client'], { name: 'Clients' }),
      ],
      [makeLink('mp', 'site', 'l1'), inferred('dp', 'site', 'l2')],
    ),
  );
  const node = (id: string) => view.node(id) as HTMLElement;
  const edge = (id: string) => view.container.querySelector(`.react-flow__edge[data-id="${id}"]`) as Element;
  const pane = () => view.container.querySelector('.react-flow__pane') as HTMLElement;
  const menu = () => screen.getByRole('menu');
  const items = () =>
    within(menu())
      .getAllByRole('menuitem')
      .map((i) => i.getAttribute('aria-label'));
  return { ...view, node, edge, pane, menu, items };
}

describe('the host menu', () => {
  it('opens at the pointer on a right-click, selects the host and focuses the first item', () => {
    const { store, node, menu, items } = setup();
    fireEvent.contextMenu(node('mp'), { clientX: 120, clientY: 80 });
    expect(menu()).toHaveAccessibleName('Host menu');
    expect(menu()).toHaveStyle({ left: '120px', top: '80px' });
    expect(items()).toEqual(['Rename', 'Duplicate', 'Select linked hosts', 'Delete', 'Put in a new zone']);
    expect(store.getState().selectedHostIds).toEqual(['mp']);
    expect(screen.getByRole('menuitem', { name: 'Rename' })).toHaveFocus();
    expect(screen.getByRole('menuitem', { name: 'Duplicate' })).toHaveAttribute(
      'aria-keyshortcuts',
      'Control+D',
    );
  });

  it('moves with the arrow keys, runs with Enter and closes with Escape, focus back on the host', async () => {
    const { store, node, user } = setup();
    fireEvent.contextMenu(node('mp'), { clientX: 10, clientY: 10 });
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Select linked hosts' })).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: 'Put in a new zone' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(node('mp')).toHaveFocus();
    expect(store.getState().hosts).toHaveLength(4);

    fireEvent.contextMenu(node('mp'), { clientX: 10, clientY: 10 });
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(store.getState().selectedHostIds).toEqual(['mp', 'site']);
  });

  it('duplicates and deletes what is selected', async () => {
    const { store, node, user } = setup();
    fireEvent.contextMenu(node('pc'), { clientX: 10, clientY: 10 });
    await user.click(screen.getByRole('menuitem', { name: 'Duplicate' }));
    expect(store.getState().hosts.map((h) => h.name)).toEqual([
      'P01-SITE',
      'P01-MP01',
      'P01-DP01',
      'Clients',
      'Clients 2',
    ]);
    const copy = store.getState().selectedHostIds[0] as string;
    fireEvent.contextMenu(node(copy), { clientX: 10, clientY: 10 });
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
    expect(store.getState().hosts).toHaveLength(4);
  });

  it('starts the in-place rename, as a double-click on the name does', async () => {
    const { store, node, user } = setup();
    fireEvent.contextMenu(node('pc'), { clientX: 10, clientY: 10 });
    await user.click(screen.getByRole('menuitem', { name: 'Rename' }));
    const field = within(node('pc')).getByRole('textbox', { name: 'Host name' });
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.type(field, 'Desktops{Enter}');
    expect(store.getState().hosts.find((h) => h.id === 'pc')?.name).toBe('Desktops');
  });

  it('keeps a selection it was opened in and offers align and distribute for it, each one undo step', async () => {
    const { store, node, items, user } = setup();
    act(() => store.getState().select(['site', 'mp', 'dp'], []));
    fireEvent.contextMenu(node('mp'), { clientX: 10, clientY: 10 });
    expect(store.getState().selectedHostIds).toEqual(['site', 'mp', 'dp']);
    expect(items()).toEqual([
      'Rename',
      'Duplicate',
      'Select linked hosts',
      'Delete',
      'Align left edges',
      'Align centres',
      'Align right edges',
      'Align top edges',
      'Align middles',
      'Align bottom edges',
      'Distribute horizontally',
      'Distribute vertically',
      'Put in a new zone',
    ]);
    const past = store.temporal.getState().pastStates.length;
    // The builder puts them side by side on one row: aligning left edges stacks them at x 0.
    await user.click(screen.getByRole('menuitem', { name: 'Align left edges' }));
    const { layout } = store.getState();
    expect([layout.site?.x, layout.mp?.x, layout.dp?.x]).toEqual([0, 0, 0]);
    expect(store.temporal.getState().pastStates.length).toBe(past + 1);
  });

  it('opens with Shift+F10 or the ContextMenu key on the focused host', async () => {
    const { store, node, menu, user } = setup();
    act(() => node('dp').focus());
    fireEvent.keyDown(node('dp'), { key: 'F10', shiftKey: true });
    expect(menu()).toHaveAccessibleName('Host menu');
    expect(store.getState().selectedHostIds).toEqual(['dp']);
    await user.keyboard('{Escape}');
    expect(node('dp')).toHaveFocus();
    fireEvent.keyDown(node('dp'), { key: 'ContextMenu' });
    expect(menu()).toBeInTheDocument();
  });

  it('closes on a click elsewhere', () => {
    const { node, pane } = setup();
    fireEvent.contextMenu(node('mp'), { clientX: 10, clientY: 10 });
    fireEvent.pointerDown(pane());
    expect(screen.queryByRole('menu')).toBeNull();
  });
});

describe('the link menu', () => {
  it('offers to keep an inferred link, and keeps it as one undo step', async () => {
    const { store, edge, items, user } = setup();
    fireEvent.contextMenu(edge('l2'), { clientX: 10, clientY: 10 });
    expect(screen.getByRole('menu')).toHaveAccessibleName('Link menu');
    expect(items()).toEqual(['Show in matrix', 'Keep inferred link', 'Delete']);
    expect(store.getState().selectedLinkIds).toEqual(['l2']);
    await user.click(screen.getByRole('menuitem', { name: 'Keep inferred link' }));
    expect(store.getState().links.find((l) => l.id === 'l2')?.inferred).toBeUndefined();
    fireEvent.contextMenu(edge('l2'), { clientX: 10, clientY: 10 });
    expect(items()).toEqual(['Show in matrix', 'Delete']);
  });

  it('shows the link in the matrix, opening a collapsed matrix', async () => {
    const { store, edge, user } = setup();
    act(() => store.getState().setMatrixSize('collapsed'));
    fireEvent.contextMenu(edge('l1'), { clientX: 10, clientY: 10 });
    await user.click(screen.getByRole('menuitem', { name: 'Show in matrix' }));
    expect(store.getState().selectedLinkIds).toEqual(['l1']);
    expect(store.getState().matrixSize).toBe('normal');
  });

  it('deletes the link', async () => {
    const { store, edge, user } = setup();
    fireEvent.contextMenu(edge('l1'), { clientX: 10, clientY: 10 });
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
    expect(store.getState().links.map((l) => l.id)).toEqual(['l2']);
    expect(store.getState().hosts).toHaveLength(4);
  });
});

describe('the canvas menu', () => {
  it('offers paste only with hosts on the clipboard, select all, fit view and keeping all inferred links', async () => {
    const { store, pane, items, user } = setup();
    fireEvent.contextMenu(pane(), { clientX: 300, clientY: 200 });
    expect(screen.getByRole('menu')).toHaveAccessibleName('Canvas menu');
    expect(items()).toEqual([
      'Paste',
      'Select all',
      'Fit view',
      'Keep all inferred links',
      'Add a zone here',
    ]);
    expect(screen.getByRole('menuitem', { name: 'Paste' })).toBeDisabled();
    // Focus starts on the first item that can run.
    expect(screen.getByRole('menuitem', { name: 'Select all' })).toHaveFocus();
    await user.click(screen.getByRole('menuitem', { name: 'Keep all inferred links' }));
    expect(store.getState().links.some((l) => l.inferred)).toBe(false);

    fireEvent.contextMenu(pane(), { clientX: 300, clientY: 200 });
    await user.click(screen.getByRole('menuitem', { name: 'Select all' }));
    expect(store.getState().selectedHostIds).toEqual(['site', 'mp', 'dp', 'pc']);
    act(() => {
      store.getState().copySelection();
    });
    fireEvent.contextMenu(pane(), { clientX: 300, clientY: 200 });
    expect(screen.getByRole('menuitem', { name: 'Paste' })).toBeEnabled();
    await user.click(screen.getByRole('menuitem', { name: 'Paste' }));
    expect(store.getState().hosts).toHaveLength(8);
  });
});
