/** @vitest-environment jsdom */
/**
 * Boot never blanks (issue 15): a failure while drawing shows what happened with the user's work
 * to download, the stored text kept first; kept copies are offered in a banner.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/app';
import { catalogue } from '@/domain/default-catalogue';
import { appI18n } from '@/i18n/app-i18n';
import { AppErrorBoundary } from '@/panels/boot-error';
import { createAppStore } from '@/store/app-store';
import { AUTOSAVE_KEY, loadAutosave } from '@/store/autosave';
import { backupKey, createBackupShelf } from '@/store/autosave-backups';
import { downloadFile } from '@/store/download';
import { sampleDocument } from '@/store/templates';
import { MemoryStorage } from '../builders';
import { englishIn } from '../support/no-english';

vi.mock('@/store/download', () => ({ downloadFile: vi.fn() }));

const HOSTILE =
  '{"format":"cm-port-planner","version":2,"links":[{"id":"x","source":{"toString":null},"target":"site"}]}';

let broken = true;
function Fragile() {
  if (broken) throw new TypeError('Cannot convert object to primitive value');
  return <p>drawn</p>;
}

beforeEach(() => {
  vi.mocked(downloadFile).mockClear();
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the error boundary', () => {
  it('shows the error and the downloads instead of a blank page, keeping the stored text first', async () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, HOSTILE);
    const shelf = createBackupShelf(storage);
    const onStartEmpty = vi.fn(() => {
      broken = false;
    });
    broken = true;
    render(
      <AppErrorBoundary
        shelf={shelf}
        storage={storage}
        currentText={() => '{"mine":1}'}
        onStartEmpty={onStartEmpty}
      >
        <Fragile />
      </AppErrorBoundary>,
    );
    const page = screen.getByRole('alert');
    expect(page).toHaveTextContent('The planner stopped with an error');
    expect(page).toHaveTextContent('TypeError: Cannot convert object to primitive value');
    expect(storage.getItem(backupKey('boot', HOSTILE))).toBe(HOSTILE);
    expect(page).toHaveTextContent(backupKey('boot', HOSTILE));
    const user = userEvent.setup();
    await user.click(within(page).getByRole('button', { name: 'Download the autosaved diagram' }));
    expect(downloadFile).toHaveBeenCalledWith(HOSTILE, 'autosaved-diagram.json', 'application/json');
    await user.click(within(page).getByRole('button', { name: 'Download the diagram in this tab' }));
    expect(downloadFile).toHaveBeenLastCalledWith(
      '{"mine":1}',
      'diagram-in-this-tab.json',
      'application/json',
    );
    await user.click(within(page).getByRole('button', { name: 'Start again with an empty diagram' }));
    expect(onStartEmpty).toHaveBeenCalledOnce();
    expect(screen.getByText('drawn')).toBeInTheDocument();
  });

  it('does not offer to start empty while the stored text has no copy', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, HOSTILE);
    storage.failWrites = 'QuotaExceededError';
    broken = true;
    render(
      <AppErrorBoundary shelf={createBackupShelf(storage)} storage={storage} onStartEmpty={() => {}}>
        <Fragile />
      </AppErrorBoundary>,
    );
    expect(screen.getByRole('button', { name: 'Download the autosaved diagram' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start again with an empty diagram' })).toBeNull();
  });
});

describe('kept copies', () => {
  it('lists the repaired autosave of the issue with a download of the text as stored, and deletes on request', async () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, HOSTILE);
    const shelf = createBackupShelf(storage);
    const loaded = loadAutosave(storage, catalogue, sampleDocument(catalogue), undefined, shelf);
    const store = createAppStore(loaded.document, { notices: loaded.notices, autosave: loaded.status });
    render(
      <div style={{ width: 1366, height: 768 }}>
        <App store={store} shelf={shelf} />
      </div>,
    );
    const kept = screen.getByRole('region', { name: 'Kept copies' });
    expect(kept).toHaveTextContent(/One copy of your work is kept in this browser/);
    expect(kept).toHaveTextContent('The autosave before it was repaired');
    const user = userEvent.setup();
    await user.click(within(kept).getByRole('button', { name: /Download/ }));
    expect(downloadFile).toHaveBeenCalledWith(
      HOSTILE,
      `${backupKey('repaired', HOSTILE).replace(/^.*\//, '')}.json`,
      'application/json',
    );
    await user.click(within(kept).getByRole('button', { name: /Delete the copy/ }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete the copy' }));
    expect(screen.queryByRole('region', { name: 'Kept copies' })).toBeNull();
    expect(storage.getItem(backupKey('repaired', HOSTILE))).toBeNull();
  });

  it('offers and deletes kept copies in German', async () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, HOSTILE);
    const shelf = createBackupShelf(storage);
    const loaded = loadAutosave(storage, catalogue, sampleDocument(catalogue), undefined, shelf);
    const store = createAppStore(loaded.document, { notices: loaded.notices, autosave: loaded.status });
    await act(async () => {
      await appI18n.changeLanguage('de');
    });
    render(
      <div style={{ width: 1366, height: 768 }}>
        <App store={store} shelf={shelf} />
      </div>,
    );
    const kept = screen.getByRole('region', { name: 'Aufbewahrte Kopien' });
    expect(kept).toHaveTextContent('Eine Kopie Ihrer Arbeit wird in diesem Browser aufbewahrt:');
    expect(kept).toHaveTextContent('Das automatisch gespeicherte Diagramm vor der Reparatur');
    expect(kept).toHaveTextContent(/\(1 kB\)/);
    expect(within(kept).getByRole('button', { name: /Herunterladen/ })).toBeInTheDocument();
    expect(englishIn(kept)).toEqual([]);
    const user = userEvent.setup();
    await user.click(within(kept).getByRole('button', { name: /^Kopie löschen: / }));
    const dialog = screen.getByRole('dialog', { name: 'Diese aufbewahrte Kopie löschen?' });
    expect(dialog).toHaveTextContent(/\(1 kB\) wird aus diesem Browser entfernt\./);
    expect(dialog).toHaveTextContent('Das automatisch gespeicherte Diagramm vor der Reparatur');
    expect(englishIn(dialog)).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Kopie löschen' }));
    expect(screen.queryByRole('region', { name: 'Aufbewahrte Kopien' })).toBeNull();
  });
});
