/** @vitest-environment jsdom */
import { act, screen, within } from '@testing-library/react';
import { loadEdition } from '@/domain/editions';
import { appCatalogues, appI18n } from '@/i18n/app-i18n';
import { SettingsPanel } from '@/panels/settings-panel';
import { FlowMatrix } from '@/table/flow-matrix';
import { makeDocument, makeHost, makeLink, makeStore } from '../builders';
import { englishIn } from '../support/no-english';
import { renderWithStore } from './render-with-store';

const current = loadEdition('current');

function setup() {
  const store = makeStore(
    makeDocument(
      [
        makeHost('pc', ['client'], { name: 'PC' }),
        makeHost('dp', ['distribution-point'], { name: 'DP01' }),
        makeHost('acw', ['app-catalog-website-point'], { name: 'ACW' }),
      ],
      [makeLink('pc', 'dp'), makeLink('pc', 'acw')],
    ),
  );
  return { store, ...renderWithStore(store, <SettingsPanel />) };
}

describe('switching the edition in site settings', () => {
  it('shows what the switch changes for this diagram, and confirm applies it as one undo step', async () => {
    const { store, user } = setup();
    const select = screen.getByRole('combobox', { name: 'Port document edition' });
    expect(select).toHaveValue('2018-de');
    await user.selectOptions(select, 'current');

    const dialog = screen.getByRole('dialog', { name: `Switch to ${current.edition.title}?` });
    expect(dialog).toHaveTextContent('1 flow added, 2 removed and 0 changed on 2 links.');
    expect(dialog).toHaveTextContent('1 host holds roles this edition retired');
    const links = within(dialog).getByRole('list', { name: 'Changes per link' });
    expect(links).toHaveTextContent('+ PC → DP01: TCP 8005');
    expect(within(dialog).getByRole('list', { name: 'Hosts with retired roles' })).toHaveTextContent('ACW');
    expect(store.getState().settings.edition).toBe('2018-de');

    await user.click(within(dialog).getByRole('button', { name: 'Switch edition' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(store.getState().settings.edition).toBe('current');
    expect(select).toHaveValue('current');
    expect(store.temporal.getState().pastStates).toHaveLength(1);
  });

  it('changes nothing on cancel', async () => {
    const { store, user } = setup();
    const select = screen.getByRole('combobox', { name: 'Port document edition' });
    await user.selectOptions(select, 'current');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(store.getState().settings.edition).toBe('2018-de');
    expect(select).toHaveValue('2018-de');
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('lists the settings of the edition in force after the switch', async () => {
    const { store } = setup();
    store.getState().switchEdition('current');
    const label = current.portSettings.find((p) => p.key === 'expressUpdates')?.label ?? '';
    expect(await screen.findByRole('textbox', { name: label })).toHaveValue('8005');
  });

  it('names the edition in force above the matrix, and section links go to its page', async () => {
    const { store } = setup();
    const view = renderWithStore(store, <FlowMatrix />);
    const old = loadEdition('2018-de').edition;
    expect(
      within(view.container).getByRole('link', { name: `Edition 2018-de: ${old.title}` }),
    ).toHaveAttribute('href', old.url);
    act(() => store.getState().switchEdition('current'));
    const now = within(view.container).getByRole('link', {
      name: `Edition current: ${current.edition.title}`,
    });
    expect(now).toHaveAttribute('href', current.edition.url);
    const sections = within(view.container)
      .getAllByRole('link')
      .filter((a) => a.getAttribute('href')?.includes('#'));
    expect(sections.length).toBeGreaterThan(0);
    for (const a of sections)
      expect(a.getAttribute('href')?.startsWith(`${current.edition.url}#`)).toBe(true);
    expect(
      within(view.container)
        .getAllByRole('row')
        .some((r) => /8005/.test(r.textContent ?? '')),
    ).toBe(true);
  });

  it('asks in German what the switch changes', async () => {
    const { user, container } = setup();
    await act(async () => {
      await appI18n.changeLanguage('de');
    });
    const section = within(container).getByRole('region', { name: 'Ausgabe' });
    const select = within(section).getByRole('combobox', { name: 'Ausgabe des Portdokuments' });
    expect(section).toHaveTextContent('Datenflüsse und Abschnittslinks folgen');
    expect(englishIn(section)).toEqual([]);
    await user.selectOptions(select, 'current');

    const title = appCatalogues.of(current, 'de').edition.title;
    const dialog = screen.getByRole('dialog', { name: `Zu ${title} wechseln?` });
    expect(dialog).toHaveTextContent(
      '1 Datenfluss hinzugekommen, 2 entfernt und 0 geändert auf 2 Verbindungen. 1 Host hat Rollen, die diese Ausgabe eingestellt hat',
    );
    expect(within(dialog).getByRole('list', { name: 'Änderungen je Verbindung' })).toHaveTextContent(
      '+ PC → DP01: TCP 8005',
    );
    expect(within(dialog).getByRole('list', { name: 'Hosts mit eingestellten Rollen' })).toHaveTextContent(
      'ACW',
    );
    expect(within(dialog).getByRole('button', { name: 'Ausgabe wechseln' })).toBeInTheDocument();
    expect(englishIn(dialog)).toEqual([]);
  });
});
