/** @vitest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import * as Y from 'yjs';
import { catalogue } from '@/domain/default-catalogue';
import { DOCUMENT_VERSION } from '@/domain/document';
import { createEmptyDocument } from '@/domain/restore';
import { AUTOSAVE_KEY, loadAutosave, startAutosave } from '@/store/autosave';
import { storeView } from '@/store/shared-view';
import { sampleDocument } from '@/store/templates';
import { startSharedSession } from '@/sync/shared-session';
import { MemoryStorage, makeDocument, makeHost } from '../builders';
import { renderApp } from './render-app';

const sample = () => sampleDocument(catalogue);

describe('undo and redo', () => {
  it('undoes and redoes with the toolbar buttons', async () => {
    const { store, user } = renderApp(makeDocument());
    const undo = screen.getByRole('button', { name: 'Undo' });
    const redo = screen.getByRole('button', { name: 'Redo' });
    expect(undo).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Add Management point' }));
    expect(store.getState().hosts).toHaveLength(1);
    await user.click(undo);
    expect(store.getState().hosts).toHaveLength(0);
    expect(redo).toBeEnabled();
    await user.click(redo);
    expect(store.getState().hosts.map((h) => h.name)).toEqual(['MP01']);
  });

  it('follows the shared session’s own steps while one is bound (linked tabs, a room)', async () => {
    const { store, user } = renderApp(makeDocument());
    const session = startSharedSession(new Y.Doc(), storeView(store), {
      catalogue,
      onHistory: () =>
        store.getState().setShare({ historyVersion: store.getState().share.historyVersion + 1 }),
    });
    act(() => store.getState().setTabs('linked', session));
    const undo = screen.getByRole('button', { name: 'Undo' });
    const redo = screen.getByRole('button', { name: 'Redo' });
    expect(undo).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Add Management point' }));
    await waitFor(() => expect(undo).toBeEnabled());
    await user.click(undo);
    expect(store.getState().hosts).toHaveLength(0);
    // The app history still holds the add: the buttons read the session's stacks, not it.
    expect(store.temporal.getState().pastStates.length).toBeGreaterThan(0);
    expect(undo).toBeDisabled();
    expect(redo).toBeEnabled();
    session.dispose();
  });

  it('undoes with Ctrl+Z and redoes with Ctrl+Shift+Z and Ctrl+Y, but leaves text fields their own undo', async () => {
    const { store, user } = renderApp(makeDocument());
    await user.click(screen.getByRole('button', { name: 'Add Windows client' }));
    await user.click(screen.getByRole('button', { name: 'Add Windows client' }));
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('{Control>}z{/Control}');
    expect(store.getState().hosts).toHaveLength(1);
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(store.getState().hosts).toHaveLength(2);
    await user.keyboard('{Control>}z{/Control}{Control>}y{/Control}');
    expect(store.getState().hosts).toHaveLength(2);
    screen.getByRole('textbox', { name: 'Diagram name' }).focus();
    await user.keyboard('{Control>}z{/Control}');
    expect(store.getState().hosts).toHaveLength(2);
  });

  it('copies hosts with their links and pastes them with Ctrl+C / Ctrl+V', async () => {
    const { store, user } = renderApp(sample());
    act(() => store.getState().select(['site', 'mp'], []));
    const links = store.getState().links.length;
    await user.keyboard('{Control>}c{/Control}{Control>}v{/Control}');
    expect(store.getState().hosts).toHaveLength(sample().hosts.length + 2);
    expect(store.getState().links).toHaveLength(links + 1);
  });
});

describe('opening a file', () => {
  const open = (name: string, content: string) => {
    const input = screen.getByTestId('open-file') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([content], name)] } });
  };

  it.each([
    ['empty.json', '', /empty/],
    ['picture.json', '\x89PNG\r\n\x1a\n', /Not a topology file/],
    ['other.json', '{"elements":[]}', /Not a topology file/],
    [
      'future.json',
      JSON.stringify({ ...createEmptyDocument(catalogue), version: DOCUMENT_VERSION + 1 }),
      /newer/,
    ],
  ])('refuses %s, says what is wrong and leaves the diagram', async (name, content, reason) => {
    const { store } = renderApp(sample());
    const before = store.getState().hosts;
    open(name, content);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(new RegExp(`Could not open "${name.replace('.', '\\.')}"`));
    expect(alert).toHaveTextContent(reason);
    expect(store.getState().hosts).toBe(before);
  });

  it('asks before replacing the diagram with a good file', async () => {
    const { store, user } = renderApp(sample());
    const other = makeDocument([makeHost('x', ['client'], { name: 'OTHER' })], [], { name: 'Other' });
    open('other.json', JSON.stringify(other));
    const dialog = await screen.findByRole('dialog', { name: 'Open "other.json"?' });
    await user.click(within(dialog).getByRole('button', { name: 'Open file' }));
    expect(store.getState().name).toBe('Other');
    expect(await screen.findByText(/Opened "Other"/)).toBeInTheDocument();
  });
});

describe('templates and new', () => {
  it('asks before a template replaces the diagram; cancel keeps it', async () => {
    const { store, user } = renderApp(sample());
    await user.click(screen.getByRole('button', { name: 'Templates' }));
    const items = screen.getAllByRole('menuitem', { name: /Open as the diagram/ });
    await user.click(items[1] as HTMLElement);
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(store.getState().name).toBe(sample().name);
    await user.click(screen.getByRole('button', { name: 'Templates' }));
    await user.click(screen.getAllByRole('menuitem', { name: /Open as the diagram/ })[1] as HTMLElement);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Replace' }));
    expect(store.getState().name).toMatch(/Hierarchy/);
  });

  it('disables export with a reason on an empty diagram', async () => {
    const { user } = renderApp(makeDocument());
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const xlsx = screen.getByRole('menuitem', { name: /Excel workbook/ });
    expect(xlsx).toBeDisabled();
    expect(xlsx).toHaveTextContent(/empty/);
    expect(screen.getByRole('menuitem', { name: /PNG/ })).toBeDisabled();
  });

  it('enables export when there are flows', async () => {
    const { user } = renderApp(sample());
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(screen.getByRole('menuitem', { name: /CSV/ })).toBeEnabled();
  });
});

describe('autosave faults, as the user sees them', () => {
  function boot(storage: MemoryStorage) {
    const loaded = loadAutosave(storage, catalogue, sample());
    const view = renderApp(loaded.document, { notices: loaded.notices, autosave: loaded.status });
    act(() => {
      startAutosave(view.store, { storage, target: window, delayMs: 20 });
    });
    return view;
  }

  it('starts from the sample with a visible notice when the autosave is corrupt', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, '{bad');
    const { store } = boot(storage);
    expect(screen.getByText(/The autosaved diagram could not be read/)).toBeInTheDocument();
    expect(
      screen.getByText(/kept in browser storage under "cm-port-planner\/autosave-corrupt-/),
    ).toBeInTheDocument();
    expect(store.getState().name).toBe(sample().name);
  });

  it('shows a banner naming both versions when the autosave is newer, and never overwrites it', async () => {
    const storage = new MemoryStorage();
    const newer = JSON.stringify({ ...createEmptyDocument(catalogue), version: DOCUMENT_VERSION + 1 });
    storage.setItem(AUTOSAVE_KEY, newer);
    const { user } = boot(storage);
    const banner = screen.getByRole('alert');
    expect(banner).toHaveTextContent(`version ${DOCUMENT_VERSION + 1}`);
    expect(banner).toHaveTextContent(`up to version ${DOCUMENT_VERSION}`);
    expect(within(banner).getByRole('button', { name: 'Download a copy' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add Windows client' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(newer);
  });

  it('keeps editing with a persistent banner and a download when storage is full', async () => {
    const storage = new MemoryStorage();
    const { store, user } = boot(storage);
    storage.failWrites = 'QuotaExceededError';
    await user.click(screen.getByRole('button', { name: 'Add Windows client' }));
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent(/storage is full.*autosave is off/i);
    expect(within(banner).getByRole('button', { name: 'Download a copy' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add Windows client' }));
    expect(store.getState().hosts).toHaveLength(sample().hosts.length + 2);
    storage.failWrites = null;
    await user.click(within(banner).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('tells this tab when another tab saved, and reloads on request', async () => {
    const storage = new MemoryStorage();
    const { store, user } = boot(storage);
    const theirs = JSON.stringify({ ...createEmptyDocument(catalogue), name: 'Theirs' });
    storage.map.set(AUTOSAVE_KEY, theirs);
    act(() => {
      window.dispatchEvent(
        Object.assign(new Event('storage'), { key: AUTOSAVE_KEY, newValue: theirs, storageArea: storage }),
      );
    });
    const banner = screen.getByRole('alert');
    expect(banner).toHaveTextContent(/another tab/);
    await user.click(within(banner).getByRole('button', { name: 'Reload the other tab’s copy' }));
    expect(store.getState().name).toBe('Theirs');
  });
});
