/** @vitest-environment jsdom */
import { act, screen, within } from '@testing-library/react';
import { catalogue } from '@/domain/default-catalogue';
import { FLOW_COLUMNS } from '@/domain/rows';
import { appI18n } from '@/i18n/app-i18n';
import { localizeCatalogue } from '@/i18n/localize-catalogue';
import { selectRows } from '@/store/derived';
import { sampleDocument } from '@/store/templates';
import { FlowMatrix } from '@/table/flow-matrix';
import { makeStore } from '../builders';
import { GERMAN_HEADERS } from '../export/support';
import { renderWithStore } from '../panels/render-with-store';
import { englishIn } from '../support/no-english';

describe('the flow matrix in German', () => {
  it('shows German headers, labels and justifications, and words the rows again on a switch', async () => {
    const document = sampleDocument(catalogue);
    const store = makeStore(document);
    const { container } = renderWithStore(store, <FlowMatrix />);
    const table = await screen.findByRole('table');
    const englishRow = selectRows(store, undefined, 'en')[0]!;
    await act(async () => {
      await appI18n.changeLanguage('de');
    });
    const headers = within(table).getAllByRole('columnheader').slice(0, FLOW_COLUMNS.length);
    expect(headers.map((h) => h.textContent)).toEqual(
      GERMAN_HEADERS.map((h) => (h === 'Überschreitet Zonengrenze' ? 'Zonengrenze' : h)),
    );
    const row = selectRows(store)[0]!;
    expect(row.justification).toContain(' öffnet ');
    expect(row.justification).toContain('wie im Portdokument unter');
    expect(row.justification).not.toBe(englishRow.justification);
    expect(['in eine Richtung', 'von beiden Seiten initiiert']).toContain(row.direction);
    expect(screen.getByRole('heading', { name: 'Portmatrix' })).toBeTruthy();
    // The edition's caption: its title as the German catalogue words write it.
    const edition = screen.getByRole('link', { name: /^Ausgabe / });
    const title = localizeCatalogue(store.getState().catalogue, 'de').edition.title;
    expect(title).toMatch(/^In Configuration Manager verwendete Ports \(/);
    expect(edition.textContent).toBe(`Ausgabe ${store.getState().catalogue.edition.id}`);
    expect(edition.getAttribute('title')).toBe(title);
    expect(edition.getAttribute('aria-label')).toBe(
      `Ausgabe ${store.getState().catalogue.edition.id}: ${title}`,
    );
    // Only data stays as it was: host names, zone names, addresses and section anchors.
    const names = document.hosts.flatMap((h) => [h.name, h.fqdn ?? '', h.ip ?? '']).filter(Boolean);
    const zones = document.zones.map((z) => z.name);
    const data = [...names, ...zones].map((n) => new RegExp(n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    expect(
      englishIn(container, {
        namespaces: ['matrix', 'export'],
        allow: [...data, /^BKMK_/, /^F-\d+$/],
      }),
    ).toEqual([]);
    await act(async () => {
      await appI18n.changeLanguage('en');
    });
    expect(selectRows(store)[0]!.justification).toBe(englishRow.justification);
    expect(screen.getByRole('link', { name: /^Edition / }).getAttribute('title')).toBe(
      store.getState().catalogue.edition.title,
    );
  });
});
