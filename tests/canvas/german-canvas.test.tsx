/** @vitest-environment jsdom */
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { Link } from '@/domain/document';
import { zoneKindName } from '@/domain/zones/zone-kinds';
import { appI18n } from '@/i18n/app-i18n';
import { handleShortcut } from '@/store/use-shortcuts';
import { makeDocument, makeHost, makeLink, makeStore } from '../builders';
import { englishIn } from '../support/no-english';
import { german } from '../support/words';
import { renderCanvas } from './render-canvas';

/** The names and codes the test's diagram holds: data, not words of the app. */
const DATA = [/^P01/, /^Clients$/, /^Datacenter$/, /^Client LAN$/, /^10\./, /^(TCP|UDP) /, /^DC01/];

const inferred = (source: string, target: string, id: string): Link => ({
  ...makeLink(source, target, id),
  inferred: true,
});

function setup() {
  return renderCanvas(
    makeDocument(
      [
        makeHost('site', ['site-server'], {
          name: 'P01-SITE',
          site: 'P01',
          zone: 'dc',
          options: { siteType: 'primary' },
        }),
        makeHost('mp', ['management-point'], { name: 'P01-MP01', site: 'P01', zone: 'dc', ip: '10.1.0.20' }),
        makeHost('pc', ['client'], { name: 'Clients', ip: '10.20.0.0/16' }),
        makeHost('dc1', ['domain-controller'], { name: 'DC01' }),
      ],
      [makeLink('mp', 'site', 'l1'), inferred('pc', 'mp', 'l2'), makeLink('pc', 'dc1', 'l3')],
      {
        zones: [
          {
            id: 'dc',
            name: 'Datacenter',
            kind: 'datacenter',
            cidrs: ['10.1.0.0/16'],
            box: { x: -40, y: -60, width: 700, height: 300 },
          },
        ],
        layout: { site: { x: 0, y: 0 }, mp: { x: 240, y: 0 }, pc: { x: 0, y: 600 }, dc1: { x: 400, y: 600 } },
      },
    ),
  );
}

describe('the canvas in German', () => {
  beforeEach(async () => {
    await act(async () => {
      await appI18n.changeLanguage('de');
    });
  });

  it('names hosts, roles, zones, links and React Flow’s own help in German, and shows no English', () => {
    const view = setup();
    const mp = view.node('mp') as HTMLElement;
    expect(mp).toHaveAttribute('aria-label', 'Host P01-MP01');
    expect(within(mp).getByTitle('Verwaltungspunkt')).toBeInTheDocument();
    expect(within(mp).getByTitle('P01-MP01 (zum Umbenennen doppelklicken)')).toBeInTheDocument();
    const zone = view.node('zone/dc') as HTMLElement;
    expect(zone).toHaveAttribute('aria-label', 'Zone Datacenter');
    expect(within(zone).getByText('Rechenzentrum')).toBeInTheDocument();
    // The kind's name has one source (data/zones.json), the one the zone inspector and palette read.
    expect(zone.querySelector('.zone-node__kind')?.textContent).toBe(zoneKindName('datacenter', 'de'));
    expect(within(zone).getByText('2 Hosts')).toBeInTheDocument();
    expect(
      within(zone).getByTitle('Datacenter (zum Verschieben am Titel ziehen, zum Umbenennen doppelklicken)'),
    ).toBeInTheDocument();
    expect(view.container.querySelector('.react-flow__edge[data-id="l2"]')).toHaveAttribute(
      'aria-label',
      'Verbindung Clients – P01-MP01 (abgeleitet)',
    );
    expect(view.container.querySelector('[aria-label="Topologiediagramm"]')).not.toBeNull();
    expect(view.container.textContent).toContain('Mit den Pfeiltasten können Sie es dann verschieben.');
    expect(screen.getByRole('button', { name: 'Vergrößern' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Übersichtskarte ausblenden' })).toBeInTheDocument();
    expect(englishIn(view.container, { allow: DATA })).toEqual([]);
  });

  it('says the right-click menus in German, with German key names', () => {
    const view = setup();
    fireEvent.contextMenu(view.node('mp') as HTMLElement, { clientX: 120, clientY: 80 });
    const menu = screen.getByRole('menu');
    expect(menu).toHaveAccessibleName('Hostmenü');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((i) => i.getAttribute('aria-label')),
    ).toEqual(['Umbenennen', 'Duplizieren', 'Verbundene Hosts auswählen', 'Löschen', 'In neue Zone legen']);
    expect(within(menu).getByText('Strg+D')).toBeInTheDocument();
    expect(within(menu).getByText('Entf')).toBeInTheDocument();
    // The shortcut for assistive technology keeps the standard key names.
    expect(screen.getByRole('menuitem', { name: 'Duplizieren' })).toHaveAttribute(
      'aria-keyshortcuts',
      'Control+D',
    );
    expect(englishIn(menu)).toEqual([]);
    fireEvent.keyDown(menu, { key: 'Escape' });

    fireEvent.contextMenu(view.container.querySelector('.react-flow__pane') as HTMLElement, {
      clientX: 300,
      clientY: 300,
    });
    const pane = screen.getByRole('menu');
    expect(pane).toHaveAccessibleName('Menü der Zeichenfläche');
    expect(
      within(pane).getByRole('menuitem', { name: 'Alle abgeleiteten Verbindungen behalten' }),
    ).toBeInTheDocument();
    expect(within(pane).getByRole('menuitem', { name: 'Hier eine Zone hinzufügen' })).toBeInTheDocument();
    expect(englishIn(pane)).toEqual([]);
  });
});

describe('store notices in German', () => {
  it('counts copied hosts in German', () => {
    const store = makeStore(
      makeDocument([makeHost('a', ['client'], { name: 'A' }), makeHost('b', ['client'], { name: 'B' })]),
    );
    store.getState().select(['a', 'b'], []);
    const event = new KeyboardEvent('keydown', { key: 'c', ctrlKey: true });
    expect(handleShortcut(store, event)).toBe(true);
    const title = store.getState().notices.at(-1)?.title;
    expect(typeof title).toBe('object');
    expect(german(title as never)).toBe('2 Hosts kopiert; mit Strg+V einfügen.');
  });
});
