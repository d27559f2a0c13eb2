/** @vitest-environment jsdom */
import { act, screen, within } from '@testing-library/react';
import { catalogue } from '@/domain/default-catalogue';
import { formatPort } from '@/domain/flow';
import { FLOW_COLUMNS } from '@/domain/rows';
import { selectRows } from '@/store/derived';
import { sampleDocument } from '@/store/templates';
import { FlowMatrix } from '@/table/flow-matrix';
import { renderWithStore } from '../panels/render-with-store';
import { makeStore } from '../builders';

function setup() {
  const store = makeStore(sampleDocument(catalogue));
  const view = renderWithStore(store, <FlowMatrix />);
  const table = () => screen.getByRole('table');
  const bodyRows = () => within(table()).getAllByRole('row').slice(2);
  return { store, table, bodyRows, ...view };
}

describe('the flow matrix', () => {
  it('shows the rows the exports write, in their order, under the export columns', () => {
    const { store, table, bodyRows } = setup();
    const rows = selectRows(store);
    const headers = within(table()).getAllByRole('columnheader').slice(0, FLOW_COLUMNS.length);
    expect(headers.map((h) => h.textContent)).toEqual(FLOW_COLUMNS.map((c) => c.header));
    expect(bodyRows().map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual(
      rows.map((r) => r.id),
    );
    expect(screen.getByText(`${rows.length} flows`)).toBeInTheDocument();
  });

  it('filters across all columns and tells how many rows match', async () => {
    const { store, user, bodyRows } = setup();
    const total = selectRows(store).length;
    await user.type(screen.getByRole('searchbox', { name: 'Filter all columns' }), 'P01-DP01');
    const matching = selectRows(store).filter(
      (r) => r.source === 'P01-DP01' || r.target === 'P01-DP01' || r.justification.includes('P01-DP01'),
    );
    expect(bodyRows()).toHaveLength(matching.length);
    expect(screen.getByText(`${matching.length} of ${total} flows`)).toBeInTheDocument();
  });

  it('filters one column at a time, and combined filters narrow further', async () => {
    const { store, user, bodyRows } = setup();
    await user.type(screen.getByRole('searchbox', { name: 'Filter Protocol' }), 'udp');
    const udp = selectRows(store).filter((r) => r.protocol === 'UDP');
    expect(bodyRows()).toHaveLength(udp.length);
    await user.type(screen.getByRole('searchbox', { name: 'Filter Port' }), '69');
    expect(bodyRows()).toHaveLength(udp.filter((r) => formatPort(r.port).includes('69')).length);
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
    expect(within(table()).getAllByText('10200').length).toBeGreaterThan(0);
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
