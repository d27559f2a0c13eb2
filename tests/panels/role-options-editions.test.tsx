/** @vitest-environment jsdom */
import { act, screen, within } from '@testing-library/react';
import { loadEdition } from '@/domain/editions';
import { formatPort } from '@/domain/flow';
import { settingsForEdition } from '@/domain/settings';
import { SidePanel } from '@/panels/side-panel';
import { selectRows } from '@/store/derived';
import { makeDocument, makeHost, makeLink, makeStore } from '../builders';
import { renderWithStore } from './render-with-store';

const current = loadEdition('current');
const label = (id: string) => current.roleOptions.find((o) => o.id === id)?.label ?? id;

function setup(selected: string) {
  const doc = makeDocument(
    [
      makeHost('site', ['site-server'], { name: 'P01-SITE' }),
      makeHost('sql', ['sql-server'], { name: 'P01-SQL' }),
      makeHost('dp', ['distribution-point'], { name: 'P01-DP01' }),
      makeHost('cmg', ['cmg'], { name: 'CMG' }),
    ],
    [makeLink('site', 'sql', 'l1')],
  );
  const store = makeStore({ ...doc, settings: settingsForEdition(doc.settings, current) });
  store.getState().select([selected], []);
  return { store, ...renderWithStore(store, <SidePanel />) };
}

const options = () => screen.getByRole('region', { name: 'Role options' });
const sqlPorts = (store: ReturnType<typeof setup>['store']) =>
  selectRows(store)
    .filter((r) => r.targetId === 'sql')
    .map((r) => `${r.protocol} ${formatPort(r.port)}`);

describe('role options of the current edition, read from the catalogue', () => {
  it('offers a pull distribution point on a DP', async () => {
    const { store, user } = setup('dp');
    await user.click(within(options()).getByRole('checkbox', { name: label('pull') }));
    expect(store.getState().hosts.find((h) => h.id === 'dp')?.options).toEqual({ pull: true });
  });

  it('offers the classic cloud service on a CMG', async () => {
    const { store, user } = setup('cmg');
    await user.click(within(options()).getByRole('checkbox', { name: label('cmgClassic') }));
    expect(store.getState().hosts.find((h) => h.id === 'cmg')?.options).toEqual({ cmgClassic: true });
  });

  it('takes a SQL Server instance port as a checked port number; the flows to the host follow it', async () => {
    const { store, user } = setup('sql');
    const field = within(options()).getByRole('textbox', { name: label('sqlPort') });
    expect(field).toHaveValue('');
    expect(sqlPorts(store)).toContain('TCP 1433');

    await user.type(field, '70000{Enter}');
    expect(await within(options()).findByText(/70000 is outside 1–65535/)).toBeInTheDocument();
    expect(store.getState().hosts.find((h) => h.id === 'sql')?.options).toEqual({});

    await user.clear(field);
    await user.type(field, '50123{Enter}');
    expect(store.getState().hosts.find((h) => h.id === 'sql')?.options).toEqual({ sqlPort: 50123 });
    expect(sqlPorts(store)).toContain('TCP 50123');
    expect(sqlPorts(store)).not.toContain('TCP 1433');

    await user.clear(field);
    await user.type(field, '{Enter}');
    expect(store.getState().hosts.find((h) => h.id === 'sql')?.options).toEqual({});
  });

  it('offers none of them under 2018-de', () => {
    const store = makeStore(makeDocument([makeHost('dp', ['distribution-point'])]));
    store.getState().select(['dp'], []);
    renderWithStore(store, <SidePanel />);
    expect(within(options()).queryByRole('checkbox', { name: label('pull') })).not.toBeInTheDocument();
  });
});

describe('a retired role in the host inspector', () => {
  it('stays on the host, marked, and is not offered to add', () => {
    const doc = makeDocument([
      makeHost('acw', ['app-catalog-website-point'], { name: 'ACW' }),
      makeHost('x', []),
    ]);
    const store = makeStore({ ...doc, settings: settingsForEdition(doc.settings, current) });
    store.getState().select(['x'], []);
    renderWithStore(store, <SidePanel />);
    const add = screen.getByRole('combobox', { name: 'Add role' });
    expect(
      within(add).queryByRole('option', { name: current.roleById.get('app-catalog-website-point')?.name }),
    ).toBeNull();
    act(() => store.getState().select(['acw'], []));
    expect(screen.getByText(/retired in 1910; derives no flow/)).toBeInTheDocument();
  });
});
