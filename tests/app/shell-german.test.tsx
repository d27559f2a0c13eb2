/** @vitest-environment jsdom */
import { readFileSync } from 'node:fs';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { catalogue } from '@/domain/default-catalogue';
import { appI18n } from '@/i18n/app-i18n';
import { LANGUAGE_KEY } from '@/i18n/languages';
import { importFiles } from '@/import/import-files';
import { BootError } from '@/panels/boot-error';
import { ImportDialog } from '@/panels/import-dialog';
import { sampleDocument } from '@/store/templates';
import { makeDocument, makeStore, standaloneWithoutSql } from '../builders';
import { renderWithStore } from '../panels/render-with-store';
import { englishIn } from '../support/no-english';
import { renderApp } from './render-app';

/** The shell in German (issue 13): toolbar, menus, dialogs and notices, and the language switch. */

const buildExport = vi.hoisted(() => vi.fn(async () => ({ blob: new Blob(['x']), fileName: 'x.csv' })));
vi.mock('@/export/export-formats', async (orig) => ({
  ...(await orig<typeof import('@/export/export-formats')>()),
  buildExport,
}));
vi.mock('@/store/download', () => ({ downloadFile: vi.fn() }));

const german = () =>
  act(async () => {
    await appI18n.changeLanguage('de');
  });

const toolbarOf = (container: HTMLElement) => container.querySelector('.toolbar') as HTMLElement;

afterEach(() => {
  window.localStorage.clear();
  document.documentElement.lang = '';
});

describe('the shell in German', () => {
  it('names every toolbar command in German, with no English left', async () => {
    const { container } = renderApp(standaloneWithoutSql());
    await german();
    const toolbar = toolbarOf(container);
    for (const name of ['Neu', 'Öffnen', 'Speichern', 'Importieren', 'Anordnen', 'Rückgängig', 'Wiederholen'])
      expect(within(toolbar).getByRole('button', { name })).toBeInTheDocument();
    for (const name of ['Vorlagen', 'Exportieren', 'Ausrichten', 'Präsentieren', 'Einstellungen'])
      expect(within(toolbar).getByRole('button', { name })).toBeInTheDocument();
    expect(within(toolbar).getByRole('button', { name: /^Probleme:/ })).toHaveAccessibleName(
      'Probleme: 2 Fehler',
    );
    expect(within(toolbar).getByRole('textbox', { name: 'Name des Diagramms' })).toBeInTheDocument();
    expect(within(toolbar).getByRole('combobox', { name: 'Farbschema' })).toHaveDisplayValue('System');
    expect(englishIn(toolbar)).toEqual([]);
  });

  it('lists the export, template and arrange menus in German', async () => {
    const { container, user } = renderApp(sampleDocument(catalogue));
    await german();
    const toolbar = toolbarOf(container);
    await user.click(within(toolbar).getByRole('button', { name: 'Exportieren' }));
    const exportMenu = screen.getByRole('menu', { name: 'Exportieren' });
    expect(within(exportMenu).getByRole('menuitem', { name: /Excel-Arbeitsmappe \(\.xlsx\)/ })).toBeEnabled();
    expect(within(exportMenu).getByRole('menuitem', { name: /Diagramm als PNG/ })).toBeEnabled();
    expect(within(exportMenu).getByRole('menuitem', { name: /Diagramm drucken/ })).toBeEnabled();
    expect(exportMenu).toHaveTextContent('Portmatrix');
    expect(englishIn(exportMenu)).toEqual([]);

    await user.click(within(toolbar).getByRole('button', { name: 'Vorlagen' }));
    const templates = screen.getByRole('menu', { name: 'Vorlagen' });
    expect(within(templates).getAllByRole('menuitem', { name: /Als Diagramm öffnen/ })).toHaveLength(3);
    expect(templates).toHaveTextContent('Eigenständiger primärer Standort');
    expect(englishIn(templates)).toEqual([]);

    await user.click(within(toolbar).getByRole('button', { name: 'Ausrichten' }));
    const arrange = screen.getByRole('menu', { name: 'Ausrichten' });
    expect(within(arrange).getAllByRole('menuitem')).toHaveLength(8);
    expect(englishIn(arrange)).toEqual([]);
  });

  it('says why export is disabled on an empty diagram, in German', async () => {
    const { user } = renderApp(makeDocument());
    await german();
    await user.click(screen.getByRole('button', { name: 'Exportieren' }));
    const xlsx = screen.getByRole('menuitem', { name: /Excel-Arbeitsmappe/ });
    expect(xlsx).toBeDisabled();
    expect(xlsx).toHaveTextContent('Das Diagramm ist leer: Fügen Sie zuerst Hosts hinzu');
    expect(englishIn(screen.getByRole('menu'))).toEqual([]);
  });

  it('asks in German before exporting with errors, and says in German that it exported', async () => {
    const { user, container } = renderApp(standaloneWithoutSql());
    await german();
    await user.click(screen.getByRole('button', { name: 'Exportieren' }));
    await user.click(screen.getByRole('menuitem', { name: /CSV/ }));
    const dialog = screen.getByRole('dialog', { name: 'Mit 2 Fehlern exportieren?' });
    expect(dialog).toHaveTextContent(/daher fehlen der Portmatrix womöglich nötige Verbindungen/);
    expect(within(dialog).getByRole('button', { name: 'Abbrechen' })).toBeInTheDocument();
    expect(englishIn(dialog)).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Trotzdem exportieren' }));
    await waitFor(() => expect(buildExport).toHaveBeenCalledTimes(1));
    expect(buildExport).toHaveBeenCalledWith('csv', expect.objectContaining({ language: 'de' }));
    const toast = await screen.findByText('Die Portmatrix wurde als CSV-Datei exportiert.');
    const toasts = container.querySelector('.toasts') as HTMLElement;
    expect(toasts).toContainElement(toast);
    expect(within(toasts).getByRole('button', { name: 'Meldung schließen' })).toBeInTheDocument();
    expect(englishIn(toasts)).toEqual([]);
  });

  it('names the side panel tabs and the folds in German', async () => {
    const { container } = renderApp(makeDocument());
    await german();
    expect(screen.getByRole('tab', { name: 'Details' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Einstellungen' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Probleme' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Bereich Rollen' })).toHaveAttribute(
      'title',
      'Bereich einklappen: Das Diagramm bekommt den Platz',
    );
    expect(screen.getByRole('tablist', { name: 'Rechter Bereich' })).toBeInTheDocument();
    expect(englishIn(container.querySelector('.side-panel__head') as HTMLElement)).toEqual([]);
  });
});

describe('the language switch', () => {
  it('switches the toolbar to German at once, sets <html lang> and remembers the choice; English switches back', async () => {
    const { user } = renderApp(makeDocument());
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'de');
    expect(screen.getByRole('button', { name: 'Neu' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Exportieren' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('de');
    expect(window.localStorage.getItem(LANGUAGE_KEY)).toBe('de');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Sprache' }), 'en');
    expect(screen.getByRole('button', { name: 'New' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Neu' })).toBeNull();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_KEY)).toBe('en');
  });
});

describe('dialogs in German', () => {
  it('previews an import in German', async () => {
    const name = 'site-roles.csv';
    const bytes = new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));
    const preview = await importFiles([{ name, bytes }], catalogue);
    await german();
    renderWithStore(
      makeStore(makeDocument()),
      <ImportDialog
        stage={{ stage: 'preview', preview, applying: false }}
        hasDiagram={false}
        onAccept={() => {}}
        onCancel={() => {}}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Umgebung importieren' });
    expect(dialog).toHaveTextContent(
      /^Umgebung importierenGelesen: site-roles\.csv \(Standortsystemrollen, \d+ Zeilen\)\./,
    );
    expect(within(dialog).getByRole('radio', { name: 'Diagramm ersetzen' })).toBeChecked();
    expect(within(dialog).getByRole('button', { name: 'Importieren' })).toBeEnabled();
    expect(within(dialog).getByText('Verbindungen (abgeleitet)')).toBeInTheDocument();
    expect(englishIn(dialog, { allow: [/^site-roles\.csv$/] })).toEqual([]);
  });

  it('shows the boot error page in German', async () => {
    await german();
    const { container } = render(<BootError error="" keptKey="cm-port-planner/boot-1" stored={() => '{}'} />);
    expect(
      screen.getByRole('heading', { name: 'Der Planer wurde wegen eines Fehlers angehalten' }),
    ).toBeVisible();
    expect(container).toHaveTextContent('ein unbekannter Fehler');
    expect(container).toHaveTextContent('unter „cm-port-planner/boot-1“ aufbewahrt');
    expect(
      screen.getByRole('button', { name: 'Automatisch gespeichertes Diagramm herunterladen' }),
    ).toBeVisible();
    expect(englishIn(container)).toEqual([]);
  });
});
