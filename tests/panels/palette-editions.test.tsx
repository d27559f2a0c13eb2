/** @vitest-environment jsdom */
import { act, screen } from '@testing-library/react';
import { loadEdition } from '@/domain/editions';
import { Palette } from '@/panels/palette';
import { makeDocument, makeHost, makeStore } from '../builders';
import { renderWithStore } from './render-with-store';

const current = loadEdition('current');
const retired = current.roles.filter((r) => r.retired);
const added = current.roles.filter((r) => !loadEdition('2018-de').roleById.has(r.id));

describe('the palette and the edition in force', () => {
  it('shows the roles of current after a switch: new roles in, retired ones out', () => {
    const store = makeStore(makeDocument());
    renderWithStore(store, <Palette />);
    expect(screen.queryByRole('button', { name: 'Add Cloud management gateway' })).not.toBeInTheDocument();
    act(() => store.getState().switchEdition('current'));
    for (const role of added)
      expect(screen.getByRole('button', { name: `Add ${role.name}` })).toBeInTheDocument();
    for (const role of retired)
      expect(screen.queryByRole('button', { name: `Add ${role.name}` })).not.toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Add / })).toHaveLength(
      current.roles.length - retired.length,
    );
  });

  it('shows a retired role, marked with its release, while a host holds it', () => {
    const store = makeStore(makeDocument([makeHost('acw', ['app-catalog-website-point'])]));
    renderWithStore(store, <Palette />);
    act(() => store.getState().switchEdition('current'));
    const role = current.roleById.get('app-catalog-website-point');
    expect(screen.getByRole('button', { name: `Add ${role?.name}` })).toHaveTextContent('retired in 1910');
    act(() => store.getState().removeRole('acw', 'app-catalog-website-point'));
    expect(screen.queryByRole('button', { name: `Add ${role?.name}` })).not.toBeInTheDocument();
  });
});
