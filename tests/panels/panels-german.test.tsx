/** @vitest-environment jsdom */
import { act, screen, within } from '@testing-library/react';
import { appI18n } from '@/i18n/app-i18n';
import { Inspector } from '@/panels/inspector';
import { Legend } from '@/panels/legend';
import { Palette } from '@/panels/palette';
import { SettingsPanel } from '@/panels/settings-panel';
import { makeDocument, makeHost, makeLink, makeStore } from '../builders';
import { englishIn } from '../support/no-english';
import { renderWithStore } from './render-with-store';

/** The host, zone and document names these tests put in: data, not words of the app. */
const DATA = [/^P01-/, /^CLIENTS$/, /^Test topology$/, /^Rechenzentrum HQ$/, /^10\.1\.0\.\d+/];
/** Also allowed: "Wake-on-LAN" is the product's term in German too (its "on" reads as English). */
const ALLOW = [...DATA, /Wake-on-LAN/];

function setup() {
  const store = makeStore(
    makeDocument(
      [
        makeHost('site', ['site-server'], { name: 'P01-SITE', site: 'P01', zone: 'z1' }),
        makeHost('dp', ['distribution-point'], { name: 'P01-DP01', ip: '10.1.0.30' }),
        makeHost('mp', ['management-point'], { name: 'P01-MP01' }),
        makeHost('pc', ['client'], { name: 'CLIENTS' }),
      ],
      [makeLink('dp', 'site', 'l1'), makeLink('mp', 'site', 'l2'), makeLink('pc', 'dp', 'l3')],
      { zones: [{ id: 'z1', name: 'Rechenzentrum HQ', kind: 'datacenter', cidrs: ['10.1.0.0/16'] }] },
    ),
  );
  return store;
}

async function german() {
  await act(async () => {
    await appI18n.changeLanguage('de');
  });
}

describe('the editing panels in German', () => {
  it('the roles palette names roles, groups and zones in German', async () => {
    await german();
    const { container } = renderWithStore(setup(), <Palette />);
    expect(screen.getByRole('heading', { name: 'Rollen' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Rolle suchen' })).toBeInTheDocument();
    const add = screen.getByRole('button', { name: 'Verwaltungspunkt hinzufügen' });
    expect(add).toHaveTextContent('Verwaltungspunkt');
    expect(add).toHaveAttribute('title', expect.stringContaining('klicken fügt einen Host hinzu'));
    expect(screen.getByRole('heading', { name: 'Netzwerkzonen' })).toBeInTheDocument();
    expect(englishIn(container, { allow: ALLOW })).toEqual([]);
  });

  it('the palette marks a retired role a host holds in German, its reason included', async () => {
    await german();
    const store = makeStore(
      makeDocument([makeHost('acw', ['app-catalog-website-point'], { name: 'P01-ACW' })]),
    );
    const { container } = renderWithStore(store, <Palette />);
    act(() => store.getState().switchEdition('current'));
    const item = screen.getByRole('button', { name: /^Anwendungskatalog.* hinzufügen$/ });
    expect(item).toHaveTextContent('(eingestellt in 1910)');
    expect(item).toHaveAttribute('title', expect.stringContaining('Eingestellt in 1910:'));
    expect(englishIn(container, { allow: ALLOW })).toEqual([]);
  });

  it('the role search finds English and German names and answers in German', async () => {
    await german();
    const { user } = renderWithStore(setup(), <Palette />);
    const search = screen.getByRole('searchbox', { name: 'Rolle suchen' });
    await user.type(search, 'management point');
    expect(screen.getByRole('button', { name: 'Verwaltungspunkt hinzufügen' })).toBeInTheDocument();
    await user.clear(search);
    await user.type(search, 'Verteilungspunkt');
    expect(screen.getByRole('button', { name: 'Verteilungspunkt hinzufügen' })).toBeInTheDocument();
    await user.clear(search);
    await user.type(search, 'xyz');
    expect(screen.getByText('Keine Rolle passt zu „xyz“.')).toBeInTheDocument();
  });

  it('the host inspector speaks German, refusals included', async () => {
    await german();
    const store = setup();
    store.getState().select(['dp'], []);
    const { container, user } = renderWithStore(store, <Inspector />);
    expect(screen.getByRole('region', { name: 'Rollen dieses Hosts' })).toHaveTextContent('Verteilungspunkt');
    expect(screen.getByRole('button', { name: 'Rolle Verteilungspunkt entfernen' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Rolle hinzufügen' })).toHaveTextContent('Verwaltungspunkt');
    expect(screen.getByRole('region', { name: 'Rollenoptionen' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Verbindungen dieses Hosts' })).toHaveTextContent(
      /\d+ Datenfl(uss|üsse)/,
    );
    expect(screen.getByRole('button', { name: 'Host löschen' })).toBeInTheDocument();
    expect(englishIn(container, { allow: ALLOW })).toEqual([]);

    const ip = screen.getByRole('textbox', { name: 'IP-Adresse oder Subnetz' });
    await user.clear(ip);
    await user.type(ip, '10.0.0.256');
    await user.tab();
    expect(screen.getByRole('alert')).toHaveTextContent('Der Wert „10.1.0.30“ bleibt erhalten.');
  });

  it('the link inspector speaks German', async () => {
    await german();
    const store = setup();
    store.getState().select([], ['l3']);
    const { container } = renderWithStore(store, <Inspector />);
    expect(screen.getByText('Verbindung', { selector: '.eyebrow' })).toBeInTheDocument();
    expect(screen.getByText(/Datenflüsse · CLIENTS ist Initiator aller Datenflüsse/)).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Datenflüsse dieser Verbindung' });
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(1);
    expect(screen.getByRole('button', { name: 'Verbindung löschen' })).toBeInTheDocument();
    expect(englishIn(container, { allow: ALLOW })).toEqual([]);
  });

  it('the zone inspector speaks German', async () => {
    await german();
    const store = setup();
    store.getState().selectZone('z1');
    const { container } = renderWithStore(store, <Inspector />);
    expect(screen.getByText('1 Host in dieser Zone')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Farbe Grün' })).toBeInTheDocument();
    expect(screen.getByText('Adressbereiche (einer pro Zeile)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Zone löschen (Hosts bleiben)' })).toBeInTheDocument();
    expect(englishIn(container, { allow: ALLOW })).toEqual([]);
  });

  it('the diagram and selection summaries speak German, numbers included', async () => {
    await german();
    const store = setup();
    const { container } = renderWithStore(store, <Inspector />);
    expect(screen.getByText('Kurzanleitung')).toBeInTheDocument();
    expect(englishIn(container, { allow: ALLOW })).toEqual([]);
    act(() => store.getState().select(['dp', 'site'], ['l1']));
    expect(screen.getByRole('heading', { name: '2 Hosts, 1 Verbindung' })).toBeInTheDocument();
    expect(englishIn(container, { allow: ALLOW })).toEqual([]);
  });

  it('the site settings speak German', async () => {
    await german();
    const { container } = renderWithStore(setup(), <SettingsPanel />);
    expect(screen.getByText('Standorteinstellungen')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Portbereiche' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Zusätzliche Portlisten' })).toBeInTheDocument();
    expect(englishIn(container, { allow: ALLOW })).toEqual([]);
  });

  it('the legend speaks German', async () => {
    await german();
    const { container, user } = renderWithStore(setup(), <Legend />);
    expect(screen.getByRole('region', { name: 'Legende' })).toHaveTextContent('Verbindungsfarben');
    await user.click(screen.getByRole('button', { name: /^Alle \d+ Dienstklassen$/ }));
    expect(screen.getByRole('button', { name: 'Nur verwendete Klassen' })).toBeInTheDocument();
    expect(englishIn(container, { allow: ALLOW })).toEqual([]);
  });
});
