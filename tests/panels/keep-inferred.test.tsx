/** @vitest-environment jsdom */
import { screen } from '@testing-library/react';
import { Inspector } from '@/panels/inspector';
import { makeDocument, makeHost, makeStore } from '../builders';
import { renderWithStore } from './render-with-store';

describe('an inferred link in the inspector', () => {
  it('says an import inferred it and keeps it in one undo step', async () => {
    const store = makeStore(
      makeDocument(
        [makeHost('site', ['site-server'], { name: 'P01-SITE' }), makeHost('mp', ['management-point'])],
        [{ id: 'l1', source: 'mp', target: 'site', inferred: true }],
      ),
    );
    store.getState().select([], ['l1']);
    const { user } = renderWithStore(store, <Inspector />);
    expect(screen.getByText(/An import inferred this link/)).toBeTruthy();
    const past = store.temporal.getState().pastStates.length;
    await user.click(screen.getByRole('button', { name: 'Keep inferred link' }));
    expect(store.getState().links[0]).toEqual({ id: 'l1', source: 'mp', target: 'site' });
    expect(store.temporal.getState().pastStates.length).toBe(past + 1);
    expect(screen.queryByRole('button', { name: 'Keep inferred link' })).toBeNull();
  });
});
