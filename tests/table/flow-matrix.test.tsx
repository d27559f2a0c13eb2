/** @vitest-environment jsdom */
import { act, screen, within } from '@testing-library/react';
import { catalogue } from '@/domain/default-catalogue';
import { flowKey } from '@/domain/firewall/flow-key';
import { FLOW_COLUMNS } from '@/domain/rows';
import { selectRows } from '@/store/derived';
import { toDocument } from '@/store/document-state';
import { sampleDocument } from '@/store/templates';
import { FlowMatrix } from '@/table/flow-matrix';
import { makeStore } from '../builders';
import { ENGLISH_HEADERS } from '../export/support';
import { renderWithStore } from '../panels/render-with-store';

function setup() {
  const store = makeStore(sampleDocument(catalogue));
  const view = renderWithStore(store, <FlowMatrix />);
  const table = () => screen.getByRole('table');
  const bodyRows = () => within(table()).getAllByRole('row').slice(2);
  return { store, table, bodyRows, ...view };
}

/** The text of one column's cells in these rows. */
function column(rows: HTMLElement[], key: (typeof FLOW_COLUMNS)[number]['key']) {
  const index = FLOW_COLUMNS.findIndex((c) => c.key === key);
  return rows.map((r) => within(r).getAllByRole('cell')[index]?.textContent);
}

describe('the flow matrix', () => {
  it('shows the rows the exports write, in their order, under the export columns', () => {
    const { store, table, bodyRows } = setup();
    const rows = selectRows(store);
    const headers = within(table()).getAllByRole('columnheader').slice(0, FLOW_COLUMNS.length);
    // The panel's one shorter header: the files' "Crosses zone boundary" is "Zone boundary" here.
    expect(headers.map((h) => h.textContent)).toEqual(
      ENGLISH_HEADERS.map((h) => (h === 'Crosses zone boundary' ? 'Zone boundary' : h)),
    );
    expect(bodyRows().map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual(
      rows.map((r) => r.id),
    );
    expect(screen.getByText(`${rows.length} flows`)).toBeInTheDocument();
  });

  it('says each flow’s test result in the Verified column, and the filter finds the blocked ones', async () => {
    const { store, user, bodyRows } = setup();
    const [blocked, verified] = selectRows(store);
    act(() => {
      store.getState().replaceDocument({
        ...toDocument(store.getState()),
        results: { [flowKey(blocked!)]: 'blocked', [flowKey(verified!)]: 'verified' },
      });
    });
    const cells = column(bodyRows(), 'verified');
    expect(cells.slice(0, 2)).toEqual(['✕ blocked', '✓ verified']);
    expect(cells.slice(2).every((text) => text === 'not tested')).toBe(true);
    await user.type(screen.getByRole('searchbox', { name: 'Filter Verified' }), 'blocked');
    expect(column(bodyRows(), 'id')).toEqual([blocked!.id]);
  });

  it('filters across all columns and tells how many rows match', async () => {
    const { store, user, bodyRows } = setup();
    const total = selectRows(store).length;
    await user.type(screen.getByRole('searchbox', { name: 'Filter all columns' }), 'P01-DP01');
    // P01-DP01's three links in the example: from the site server (l2: TCP 135, 445, dynamic RPC and
    // UDP 135), from the clients (l7: HTTP, HTTPS and four PXE ports) and to the MP (l10: HTTP, HTTPS).
    const dpLinks = new Set(['l2', 'l7', 'l10']);
    const matching = selectRows(store)
      .filter((r) => dpLinks.has(r.linkId))
      .map((r) => r.id);
    expect(matching).toHaveLength(12);
    expect(column(bodyRows(), 'id').sort()).toEqual(matching.sort());
    expect(screen.getByText(`12 of ${total} flows`)).toBeInTheDocument();
  });

  it('filters one column at a time, and combined filters narrow further', async () => {
    const { store, user, bodyRows } = setup();
    await user.type(screen.getByRole('searchbox', { name: 'Filter Protocol' }), 'udp');
    // The example's UDP flows: RPC endpoint mapper 135 from the console, the MP and the site server
    // (twice), and the four PXE ports 67, 68, 69 and 4011 from the clients to the DP.
    expect(column(bodyRows(), 'protocol')).toEqual(Array(8).fill('UDP'));
    expect(column(bodyRows(), 'port').sort()).toEqual(['135', '135', '135', '135', '4011', '67', '68', '69']);
    await user.type(screen.getByRole('searchbox', { name: 'Filter Port' }), '69');
    expect(column(bodyRows(), 'port')).toEqual(['69']);
    expect(column(bodyRows(), 'source')).toEqual(['Clients HQ']);
    expect(column(bodyRows(), 'target')).toEqual(['P01-DP01']);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(bodyRows()).toHaveLength(selectRows(store).length);
  });

  it('groups by host pair with a count per group, and collapses a group', async () => {
    const { store, user, table } = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Group rows by' }), 'pair');
    const rows = selectRows(store);
    const pairs = new Set(rows.map((r) => [r.source, r.target].sort().join(' ↔ ')));
    const toggles = within(table()).getAllByRole('button', { expanded: true });
    expect(toggles).toHaveLength(pairs.size);
    const first = toggles[0] as HTMLElement;
    const count = Number(first.textContent?.match(/(\d+) flows?/)?.[1]);
    expect(count).toBeGreaterThan(0);
    const before = within(table()).getAllByRole('row').length;
    await user.click(first);
    expect(within(table()).getAllByRole('row')).toHaveLength(before - count);
  });

  it('groups by service class and keeps working while the flows change', async () => {
    const { store, user, table } = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Group rows by' }), 'service');
    const services = new Set(selectRows(store).map((r) => r.service));
    expect(within(table()).getAllByRole('button', { expanded: true })).toHaveLength(services.size);
    // Regression: a fresh grouping array on every render made TanStack regroup in an endless loop.
    act(() => {
      store.getState().setPort('clientNotification', '10200');
    });
    // The example's one notification flow (Clients HQ to P01-MP01) now shows the new port.
    const changed = within(table()).getAllByText('10200');
    expect(changed).toHaveLength(1);
    expect(changed[0]?.closest('tr')).toHaveTextContent(/Clients HQ.*P01-MP01/);
  });

  it('sorts by port when the header is clicked', async () => {
    const { user, bodyRows } = setup();
    await user.click(screen.getByRole('button', { name: 'Port' }));
    expect(screen.getByRole('columnheader', { name: 'Port' })).toHaveAttribute('aria-sort', 'ascending');
    const portIndex = FLOW_COLUMNS.findIndex((c) => c.key === 'port');
    const ports = bodyRows().map((r) =>
      Number.parseInt(within(r).getAllByRole('cell')[portIndex]?.textContent ?? '', 10),
    );
    expect(ports).toEqual([...ports].sort((a, b) => a - b));
  });

  it('selects the link of a clicked row and marks its rows', async () => {
    const { store, user, bodyRows } = setup();
    const row = selectRows(store)[5];
    if (!row) throw new Error('too few rows');
    await user.click(screen.getByRole('button', { name: `Select the link of flow ${row.id}` }));
    expect(store.getState().selectedLinkIds).toEqual([row.linkId]);
    const marked = bodyRows().filter((r) => r.classList.contains('is-selected'));
    expect(marked).toHaveLength(selectRows(store).filter((r) => r.linkId === row.linkId).length);
  });

  it('collapses and enlarges', async () => {
    const { store, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Collapse the flow matrix' }));
    expect(store.getState().matrixSize).toBe('collapsed');
    expect(screen.queryByRole('table')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Enlarge the flow matrix' }));
    expect(store.getState().matrixSize).toBe('large');
    expect(screen.getByRole('table')).toBeInTheDocument();
  });
});
