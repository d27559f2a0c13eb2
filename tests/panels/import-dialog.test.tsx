/** @vitest-environment jsdom */
import { readFileSync } from 'node:fs';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { TopologyDocument } from '@/domain/document';
import type { Message } from '@/domain/message';
import { importFiles } from '@/import/import-files';
import { ImportButton, ImportDialog } from '@/panels/import-dialog';
import { useImport } from '@/panels/use-import';
import type { LayoutRunner } from '@/panels/use-tidy';
import { type AppStore, toDocument } from '@/store/app-store';
import { useAppStore } from '@/store/store-context';
import { makeDocument, makeHost, makeStore } from '../builders';
import { english } from '../support/words';
import { renderWithStore } from './render-with-store';

const DIR = 'tests/fixtures/import';
const fixture = (name: string) => new File([readFileSync(`${DIR}/${name}`)], name, { type: 'text/csv' });

/** A layout that puts every host on one row, 0.4 px off the grid (the import rounds positions). */
const rowLayout: LayoutRunner = async (document) => ({
  positions: Object.fromEntries(document.hosts.map((h, i) => [h.id, { x: i * 300 + 0.4, y: 40.4 }])),
  zoneBoxes: {},
  siteBoxes: {},
});

/** The app's wiring of the import, without the canvas: the Import button, a drop area and the dialog. */
function Harness({ layout }: { layout: LayoutRunner }) {
  const flow = useImport(importFiles, layout);
  const hasDiagram = useAppStore((s) => s.hosts.length > 0);
  return (
    <>
      <ImportButton onFiles={flow.openFiles} />
      <main data-testid="workspace" onDragOver={flow.onDragOver} onDrop={flow.onDrop} />
      {flow.stage.stage !== 'closed' && (
        <ImportDialog
          stage={flow.stage}
          hasDiagram={hasDiagram}
          onAccept={flow.accept}
          onCancel={flow.cancel}
        />
      )}
    </>
  );
}

const emptyDocument = () => makeDocument([], [], { name: 'Estate' });

function setup(doc: TopologyDocument = emptyDocument(), layout: LayoutRunner = rowLayout) {
  const store = makeStore(doc);
  return { store, ...renderWithStore(store, <Harness layout={layout} />) };
}

const undoSteps = (store: AppStore) =>
  (store as unknown as { temporal: { getState(): { pastStates: unknown[] } } }).temporal.getState().pastStates
    .length;

async function previewOf(files: readonly File[]) {
  const read = await Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
  return importFiles(read, makeStore(emptyDocument()).getState().catalogue);
}

async function dialog() {
  const found = await screen.findByRole('dialog', { name: 'Import the estate' });
  await waitFor(() => expect(within(found).getByRole('button', { name: 'Import' })).toBeEnabled());
  return found;
}

const stat = (box: HTMLElement, term: string) =>
  within(box).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;

describe('import dialog', () => {
  it('previews the files before anything changes: hosts, roles and inferred links counted', async () => {
    const files = [fixture('site-roles.csv'), fixture('sites.csv')];
    const expected = await previewOf(files);
    const { store, user } = setup();
    const before = toDocument(store.getState());
    await user.upload(screen.getByTestId('import-files'), files);
    const box = await dialog();
    expect(stat(box, 'Hosts')).toBe(String(expected.hosts.length));
    expect(stat(box, 'Roles')).toBe(String(expected.hosts.reduce((n, h) => n + h.roles.length, 0)));
    expect(stat(box, 'Links (inferred)')).toBe(String(expected.links.length));
    expect(expected.hosts.length).toBeGreaterThan(10);
    expect(within(box).getByText(/site-roles\.csv \(site system roles/)).toBeInTheDocument();
    // Nothing changed yet.
    expect(toDocument(store.getState())).toEqual(before);
    expect(undoSteps(store)).toBe(0);
  });

  it('Cancel and Escape leave the diagram as it was, with no undo step', async () => {
    const { store, user } = setup();
    const hosts = store.getState().hosts;
    await user.upload(screen.getByTestId('import-files'), [fixture('site-roles.csv')]);
    await user.click(within(await dialog()).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.upload(screen.getByTestId('import-files'), [fixture('site-roles.csv')]);
    fireEvent.keyDown(await dialog(), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.getState().hosts).toBe(hosts);
    expect(undoSteps(store)).toBe(0);
  });

  it('Import replaces the diagram with the laid-out estate as one undo step; Undo brings the empty diagram back', async () => {
    const files = [fixture('site-roles.csv'), fixture('sites.csv')];
    const expected = await previewOf(files);
    const { store, user } = setup();
    await user.upload(screen.getByTestId('import-files'), files);
    const box = await dialog();
    expect(within(box).getByRole('radio', { name: 'Replace the diagram' })).toBeChecked();
    await user.click(within(box).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const state = store.getState();
    expect(state.hosts).toHaveLength(expected.hosts.length);
    expect(state.links).toHaveLength(expected.links.length);
    expect(state.links.every((l) => l.inferred === true)).toBe(true);
    // Positions come from the layout pass, rounded to whole pixels.
    state.hosts.forEach((h, i) => {
      expect(state.layout[h.id]).toEqual({ x: i * 300, y: 40 });
    });
    expect(state.name).toBe('Estate');
    expect(english(state.notices.at(-1)?.title as Message)).toMatch(
      /^Imported \d+ hosts and \d+ inferred links/,
    );
    expect(undoSteps(store)).toBe(1);
    state.undo();
    expect(store.getState().hosts).toEqual([]);
    expect(store.getState().links).toEqual([]);
  });

  it('offers Add first when the diagram has hosts, and keeps them', async () => {
    const doc = makeDocument([makeHost('mine', ['site-server'], { name: 'MY-SITE' })]);
    const { store, user } = setup(doc);
    await user.upload(screen.getByTestId('import-files'), [fixture('site-roles.csv')]);
    const box = await dialog();
    expect(within(box).getByRole('radio', { name: 'Add to it' })).toBeChecked();
    await user.click(within(box).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const names = store.getState().hosts.map((h) => h.name);
    expect(names[0]).toBe('MY-SITE');
    expect(names.length).toBeGreaterThan(10);
    expect(undoSteps(store)).toBe(1);
  });

  it('lists unmapped rows with file, line and why, and files that could not be read', async () => {
    const odd = new File(
      ['"NetworkOSPath","RoleName","SiteCode"\r\n"\\\\P01-XY.corp.example","SMS Teleporter","P01"\r\n'],
      'odd.csv',
    );
    const binary = new File([new Uint8Array([0x41, 0x00, 0x42, 0x00, 0x43])], 'photo.csv');
    const { user } = setup();
    await user.upload(screen.getByTestId('import-files'), [odd, binary, fixture('site-roles.csv')]);
    const box = await dialog();
    const table = within(box).getByRole('table');
    const row = within(table).getByRole('row', { name: /odd\.csv/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['odd.csv', '2', expect.stringMatching(/SMS Teleporter/)]);
    expect(within(box).getByText('1 file not read')).toBeInTheDocument();
    expect(within(box).getByText('photo.csv')).toBeInTheDocument();
  });

  it('has nothing to import when no file could be read: Import stays disabled', async () => {
    const { store, user } = setup();
    const hosts = store.getState().hosts;
    await user.upload(screen.getByTestId('import-files'), [new File([new Uint8Array([0, 1, 2])], 'x.csv')]);
    const box = await screen.findByRole('dialog', { name: 'Import the estate' });
    await within(box).findByText(/nothing to import/);
    expect(within(box).getByRole('button', { name: 'Import' })).toBeDisabled();
    expect(store.getState().hosts).toBe(hosts);
  });

  it('still imports when the layout fails, placed by site, and says so', async () => {
    const failing: LayoutRunner = async () => {
      throw new Error('elk is out');
    };
    const { store, user } = setup(emptyDocument(), failing);
    await user.upload(screen.getByTestId('import-files'), [fixture('site-roles.csv')]);
    await user.click(within(await dialog()).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(store.getState().hosts.length).toBeGreaterThan(10);
    expect(store.getState().notices.at(-1)).toMatchObject({ tone: 'warning', details: ['elk is out'] });
    expect(english(store.getState().notices.at(-1)?.title as Message)).toMatch(
      /^Imported \d+ hosts and \d+ inferred links; the automatic layout failed, so hosts stand by site\. Try Tidy\.$/,
    );
    expect(undoSteps(store)).toBe(1);
  });

  it('files dropped on the workspace open the same preview; other drags pass by', async () => {
    setup();
    const area = screen.getByTestId('workspace');
    const role = { types: ['application/x-role'], files: [], getData: () => 'site-server' };
    expect(fireEvent.dragOver(area, { dataTransfer: role })).toBe(true);
    fireEvent.drop(area, { dataTransfer: role });
    expect(screen.queryByRole('dialog')).toBeNull();
    const files = { types: ['Files'], files: [fixture('site-roles.csv')], dropEffect: 'none' };
    // Cancelled, so the browser does not open the file in the tab itself.
    expect(fireEvent.dragOver(area, { dataTransfer: files })).toBe(false);
    fireEvent.drop(area, { dataTransfer: files });
    expect(stat(await dialog(), 'Hosts')).toMatch(/^\d+$/);
  });
});
