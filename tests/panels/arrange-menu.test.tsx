/** @vitest-environment jsdom */
import { act, screen, within } from '@testing-library/react';
import { ArrangeMenu } from '@/panels/arrange-menu';
import { makeDocument, makeHost, makeStore } from '../builders';
import { renderWithStore } from './render-with-store';

function setup() {
  const store = makeStore(
    makeDocument([makeHost('a', ['client']), makeHost('b', ['client']), makeHost('c', ['client'])], [], {
      layout: { a: { x: 0, y: 0 }, b: { x: 300, y: 40 }, c: { x: 100, y: 400 } },
    }),
  );
  return { store, ...renderWithStore(store, <ArrangeMenu />) };
}

describe('the Arrange menu', () => {
  it('lists every command, greyed out with what to select while too few hosts are selected', async () => {
    const { store, user } = setup();
    act(() => store.getState().select(['a', 'b'], []));
    await user.click(screen.getByRole('button', { name: 'Arrange' }));
    const menu = screen.getByRole('menu', { name: 'Arrange' });
    const items = within(menu).getAllByRole('menuitem');
    expect(items).toHaveLength(8);
    expect(within(menu).getByRole('menuitem', { name: 'Align left edges' })).toBeEnabled();
    const spread = within(menu).getByRole('menuitem', { name: /Distribute horizontally/ });
    expect(spread).toBeDisabled();
    expect(spread).toHaveTextContent('Select three or more hosts');
  });

  it('aligns and distributes the selection', async () => {
    const { store, user } = setup();
    act(() => store.getState().select(['a', 'b', 'c'], []));
    await user.click(screen.getByRole('button', { name: 'Arrange' }));
    await user.click(screen.getByRole('menuitem', { name: 'Align top edges' }));
    expect(store.getState().layout).toMatchObject({ a: { y: 0 }, b: { y: 0 }, c: { y: 0 } });
    await user.click(screen.getByRole('button', { name: 'Arrange' }));
    await user.click(screen.getByRole('menuitem', { name: 'Distribute horizontally' }));
    // Unmeasured hosts are all 172 wide: a (0) and b (300) stay, c goes halfway.
    expect(store.getState().layout).toMatchObject({ a: { x: 0 }, b: { x: 300 }, c: { x: 150 } });
  });
});
