/** @vitest-environment jsdom */
/**
 * The autosave's banner and the toolbar's autosave state in German (issue 13): storage full,
 * another tab's save and a newer version are said in German, with no English left.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { catalogue } from '@/domain/default-catalogue';
import { DOCUMENT_VERSION } from '@/domain/document';
import { createEmptyDocument } from '@/domain/restore';
import { appI18n } from '@/i18n/app-i18n';
import { AUTOSAVE_KEY, loadAutosave, startAutosave } from '@/store/autosave';
import { BACKUP_KINDS } from '@/store/autosave-backups';
import { sampleDocument } from '@/store/templates';
import { MemoryStorage } from '../builders';
import { englishIn } from '../support/no-english';
import { renderApp } from './render-app';

async function bootInGerman(storage: MemoryStorage) {
  await act(async () => {
    await appI18n.changeLanguage('de');
  });
  const loaded = loadAutosave(storage, catalogue, sampleDocument(catalogue));
  const view = renderApp(loaded.document, { notices: loaded.notices, autosave: loaded.status });
  act(() => {
    startAutosave(view.store, { storage, target: window, delayMs: 20, tabId: 'tab1' });
  });
  return view;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the autosave banner in German', () => {
  it('says in German that storage is full, offers a download and a retry, and recovers', async () => {
    const storage = new MemoryStorage();
    const { store, user } = await bootInGerman(storage);
    storage.failWrites = 'QuotaExceededError';
    act(() => {
      store.getState().addHost('client', { x: 0, y: 0 });
    });
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent(
      'Der Browserspeicher ist voll; die automatische Speicherung ist deshalb aus. Änderungen bleiben nur in diesem Tab erhalten; laden Sie eine Kopie herunter, um sie zu behalten.',
    );
    expect(englishIn(banner)).toEqual([]);
    const state = document.querySelector('.autosave-state');
    expect(state?.getAttribute('title')).toMatch(/^Der Browserspeicher ist voll/);
    storage.failWrites = null;
    expect(within(banner).getByRole('button', { name: 'Kopie herunterladen' })).toBeInTheDocument();
    await user.click(within(banner).getByRole('button', { name: 'Erneut versuchen' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.getByText('Die automatische Speicherung funktioniert wieder.')).toBeInTheDocument();
  });

  it('says in German that another tab saved, and where this tab’s edits are kept', async () => {
    const storage = new MemoryStorage();
    const { store } = await bootInGerman(storage);
    act(() => {
      store.getState().renameDocument('Meine Änderung');
    });
    const theirs = JSON.stringify({ ...createEmptyDocument(catalogue), name: 'Theirs' });
    storage.map.set(AUTOSAVE_KEY, theirs);
    act(() => {
      window.dispatchEvent(
        Object.assign(new Event('storage'), { key: AUTOSAVE_KEY, newValue: theirs, storageArea: storage }),
      );
    });
    const banner = screen.getByRole('alert');
    const key = `${BACKUP_KINDS.tab.prefix}tab1`;
    // The whole sentence, so the only English-looking words in it are the key's ("this-tab").
    expect(banner.querySelector('.banner__text')?.textContent).toBe(
      'Dieses Diagramm wurde in einem anderen Tab geändert und automatisch gespeichert; dieser Tab enthält jetzt eine ältere Kopie. Die automatische Speicherung ist hier angehalten, bis Sie sich entscheiden. ' +
        `Die Änderungen dieses Tabs sind als Kopie unter „${key}“ gesichert.`,
    );
    expect(englishIn(banner, { allow: [/„cm-port-planner\/autosave-this-tab-tab1“/] })).toEqual([]);
  });

  it('says in German that the autosave is from a newer version', async () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ ...createEmptyDocument(catalogue), version: 99 }));
    await bootInGerman(storage);
    const banner = screen.getByRole('alert');
    expect(banner).toHaveTextContent(
      `Das automatisch gespeicherte Diagramm hat Version 99 und stammt aus einer neueren Version der App; diese App liest bis Version ${DOCUMENT_VERSION}.`,
    );
    expect(englishIn(banner)).toEqual([]);
  });
});
