/** @vitest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogue } from '@/domain/default-catalogue';
import { compareFlows } from '@/domain/delta/compare-flows';
import type { TopologyDocument } from '@/domain/document';
import { serializeDocument } from '@/domain/restore';
import { writeWorkbook } from '@/export/xlsx';
import { renderApp } from '../app/render-app';
import { loadExample, parseCsv, rowsOf } from '../export/support';

const hierarchy = loadExample('hierarchy');
const INPUT = 'Earlier diagram or workbook to compare with';

const without = (doc: TopologyDocument, linkId: string): TopologyDocument => ({
  ...doc,
  links: doc.links.filter((l) => l.id !== linkId),
});

/** The hierarchy with P01's management point answering only what the site server opens (note 5). */
const mpChanged: TopologyDocument = {
  ...hierarchy,
  hosts: hierarchy.hosts.map((h) =>
    h.id === 'p01mp' ? { ...h, options: { ...h.options, siteServerInitiates: true } } : h,
  ),
};

/** The number a count of the dialog shows, found by its term. */
function count(dialog: HTMLElement, term: string): string {
  const dt = within(dialog).getByText(term, { selector: 'dt' });
  return dt.nextElementSibling?.textContent ?? '';
}

/** The link strokes' group of an edge, found by the edge's name for screen readers. */
function linkEdge(name: string): Element {
  const edge = screen.getByRole('group', { name }).querySelector('.link-edge');
  if (!edge) throw new Error(`no link drawn for ${name}`);
  return edge;
}

/** The first stroke's own colour (a service's); '' when the stylesheet colours it. */
const strokeColour = (edge: Element) =>
  (edge.querySelector('.link-edge__stroke') as SVGPathElement | null)?.style.stroke ?? 'none';

const deltaClasses = (container: HTMLElement) => container.querySelectorAll('.link-edge--delta');

// exceljs loads on first use and reads a workbook in jsdom: on a loaded two-core machine, tens of seconds.
vi.setConfig({ testTimeout: 120_000 });

describe('Compare with… in the app', () => {
  let created: Blob[];
  let names: string[];
  beforeEach(() => {
    created = [];
    names = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return `blob:test/${created.length}`;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('compares with a saved diagram: counts, exactly the deleted link’s flows, the CSV, the banner', async () => {
    const today = without(hierarchy, 'l17');
    const { user, container, store } = renderApp(today);
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const item = screen.getByRole('menuitem', { name: /Compare with…/ });
    expect(item).toBeEnabled();
    await user.click(item);
    const earlier = new File([serializeDocument(hierarchy)], 'request-march.json', {
      type: 'application/json',
    });
    await user.upload(screen.getByLabelText(INPUT), earlier);

    const dialog = await screen.findByRole('dialog', { name: 'Changes since request-march.json' });
    const expected = compareFlows(rowsOf(hierarchy), rowsOf(today));
    expect(expected.removed.length).toBeGreaterThan(0);
    expect(count(dialog, 'Flows to add')).toBe('0');
    expect(count(dialog, 'Flows to remove')).toBe(String(expected.removed.length));
    expect(count(dialog, 'Ports changed')).toBe('0');
    expect(count(dialog, 'Unchanged')).toBe(String(expected.unchanged));
    const rows = within(within(dialog).getByRole('table', { name: 'Changes' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows).toHaveLength(expected.removed.length);
    for (const row of rows) {
      expect(within(row).getAllByRole('cell')[0]).toHaveTextContent('removed');
      expect(within(row).getAllByRole('cell')[1]).toHaveTextContent('Clients P01 → P01-MPDP');
    }
    expect(dialog).toHaveTextContent(
      `${expected.removed.length} changes are on links that are no longer in the diagram`,
    );

    await user.click(within(dialog).getByRole('button', { name: 'Download changes (.csv)' }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(names[0]).toMatch(/^hierarchy-.*changes-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...lines] = parseCsv((await created[0]!.text()).replace(/^\uFEFF/, ''));
    expect(header![0]).toBe('Change');
    expect(lines).toHaveLength(expected.removed.length);
    expect(lines.every((l) => l[0] === 'removed' && l[1] === 'Clients P01' && l[2] === 'P01-MPDP')).toBe(
      true,
    );

    await user.click(within(dialog).getByRole('button', { name: 'Show on canvas' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    const banner = screen.getByRole('region', { name: 'Comparison' });
    expect(within(banner).getByRole('heading')).toHaveTextContent('Comparison with request-march.json');
    expect(within(banner).getByRole('list', { name: 'Link colours' })).toHaveTextContent(
      /added.*removed.*ports changed.*unchanged/,
    );
    // The deleted link cannot be drawn: its flows are listed under the banner.
    expect(banner).toHaveTextContent(`${expected.removed.length} changes on links no longer in the diagram`);
    // Every drawn link is as it was.
    expect(deltaClasses(container)).toHaveLength(today.links.length);
    expect(container.querySelectorAll('.link-edge--delta-unchanged')).toHaveLength(today.links.length);
    // UI state: not in the document, not an undo step.
    expect(store.temporal.getState().pastStates).toHaveLength(0);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Comparison' })).toBeNull();
    expect(deltaClasses(container)).toHaveLength(0);
    expect(store.getState().comparison).toBeNull();
  });

  it('compares with an exported workbook: the changed link is coloured until the comparison is left', async () => {
    const bytes = await writeWorkbook({ rows: rowsOf(hierarchy), document: hierarchy, catalogue });
    const { user, container } = renderApp(mpChanged);
    const file = new File([bytes as Uint8Array<ArrayBuffer>], 'hierarchy-2026-03-01.xlsx');
    await user.upload(screen.getByLabelText(INPUT), file);
    // exceljs loads on first use and reads the workbook: more than the default second in jsdom.
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Changes since hierarchy-2026-03-01.xlsx' },
      { timeout: 60_000 },
    );
    const expected = compareFlows(rowsOf(hierarchy), rowsOf(mpChanged));
    expect(count(dialog, 'Flows to remove')).toBe(String(expected.removed.length));
    expect(count(dialog, 'Flows to add')).toBe('0');

    await user.click(within(dialog).getByRole('button', { name: 'Show on canvas' }));
    const changed = linkEdge('Link P01-SITE – P01-MPDP');
    expect(changed).toHaveClass('link-edge--delta-removed');
    expect(changed.querySelector('title')).toHaveTextContent('Removed since the earlier request');
    expect(linkEdge('Link CAS-SITE – CAS-SQL')).toHaveClass('link-edge--delta-unchanged');
    // One stroke in the delta's colour (CSS), not the services' colours.
    expect(changed.querySelectorAll('.link-edge__stroke')).toHaveLength(1);
    expect(strokeColour(changed)).toBe('');

    await user.click(screen.getByRole('button', { name: 'Leave comparison' }));
    expect(deltaClasses(container)).toHaveLength(0);
    expect(strokeColour(linkEdge('Link P01-SITE – P01-MPDP'))).not.toBe('');
  });

  it('says why a file cannot be compared, and leaves the diagram as it was', async () => {
    const { store } = renderApp(hierarchy);
    // The picker offers .json and .xlsx; a person can still choose any file ("All files").
    const user = userEvent.setup({ applyAccept: false });
    const before = store.getState().hosts;
    await user.upload(screen.getByLabelText(INPUT), new File(['hello'], 'notes.txt'));
    expect(await screen.findByText('Cannot compare with notes.txt')).toBeInTheDocument();
    expect(
      screen.getByText(
        'The file is neither a saved diagram (.json) nor an exported workbook (.xlsx) of this app',
      ),
    ).toBeInTheDocument();
    await user.upload(screen.getByLabelText(INPUT), new File(['PK no zip'], 'broken.xlsx'));
    expect(
      await screen.findByText('Cannot compare with broken.xlsx', {}, { timeout: 60_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Not an Excel workbook \(\.xlsx\)/)).toBeInTheDocument();
    await user.upload(screen.getByLabelText(INPUT), new File(['{"format": 1}'], 'odd.json'));
    expect(await screen.findByText('Cannot compare with odd.json')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.getState().comparison).toBeNull();
    expect(store.getState().hosts).toBe(before);
  });
});
