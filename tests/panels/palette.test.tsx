/** @vitest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import { catalogue } from '@/domain/default-catalogue';
import { Palette } from '@/panels/palette';
import { ROLE_DRAG_TYPE } from '@/store/drag-role';
import { makeDocument, makeStore } from '../builders';
import { renderWithStore } from './render-with-store';

describe('the role palette', () => {
  it('lists every role of the catalogue under its group, with its badge', () => {
    renderWithStore(makeStore(makeDocument()), <Palette />);
    for (const group of catalogue.roleGroups) {
      const section = screen.getByRole('region', { name: group.name });
      const roles = catalogue.roles.filter((r) => r.group === group.id);
      expect(within(section).getAllByRole('button')).toHaveLength(roles.length);
      for (const role of roles)
        expect(within(section).getByRole('button', { name: `Add ${role.name}` })).toHaveTextContent(
          role.abbr,
        );
    }
    expect(screen.getAllByRole('button', { name: /^Add / })).toHaveLength(catalogue.roles.length);
  });

  it('adds a host named from the role when a role is clicked', async () => {
    const store = makeStore(makeDocument());
    const { user } = renderWithStore(store, <Palette />);
    await user.click(screen.getByRole('button', { name: 'Add Management point' }));
    await user.click(screen.getByRole('button', { name: 'Add Management point' }));
    expect(store.getState().hosts.map((h) => [h.name, h.roles])).toEqual([
      ['MP01', ['management-point']],
      ['MP02', ['management-point']],
    ]);
  });

  it('adds a host with Enter on a focused role', async () => {
    const store = makeStore(makeDocument());
    const { user } = renderWithStore(store, <Palette />);
    screen.getByRole('button', { name: 'Add Distribution point' }).focus();
    await user.keyboard('{Enter}');
    expect(store.getState().hosts.map((h) => h.name)).toEqual(['DP01']);
  });

  it('puts the role id on the drag data', () => {
    renderWithStore(makeStore(makeDocument()), <Palette />);
    const data = new Map<string, string>();
    const dataTransfer = { setData: (k: string, v: string) => data.set(k, v), effectAllowed: '' };
    fireEvent.dragStart(screen.getByRole('button', { name: 'Add Site server' }), { dataTransfer });
    expect(data.get(ROLE_DRAG_TYPE)).toBe('site-server');
  });

  it('narrows the list to the roles that match the search, German names included', async () => {
    const { user } = renderWithStore(makeStore(makeDocument()), <Palette />);
    await user.type(screen.getByRole('searchbox', { name: 'Find a role' }), 'Verteilungspunkt');
    const names = screen.getAllByRole('button', { name: /^Add / }).map((b) => b.getAttribute('aria-label'));
    expect(names).toContain('Add Distribution point');
    expect(names).not.toContain('Add Site server');
  });
});
