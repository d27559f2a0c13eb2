/** @vitest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { FLOW_COLUMNS } from '@/domain/rows';
import { selectRows } from '@/store/derived';
import { FlowMatrix } from '@/table/flow-matrix';
import { makeDocument, makeHost, makeLink, makeStore } from '../builders';
import { renderWithStore } from '../panels/render-with-store';

/** Site server and MP in zone Core (A), the clients in zone Clients (B). */
function setup() {
  const store = makeStore(
    makeDocument(
      [
        makeHost('site', ['site-server'], { name: 'P01-SITE', zone: 'a' }),
        makeHost('mp', ['management-point'], { name: 'P01-MP01', zone: 'a' }),
        makeHost('pc', ['client'], { name: 'Clients HQ', zone: 'b' }),
      ],
      [makeLink('mp', 'site', 'inside'), makeLink('pc', 'mp', 'across')],
      {
        zones: [
          { id: 'a', name: 'Core' },
          { id: 'b', name: 'Clients' },
        ],
      },
    ),
  );
  const view = renderWithStore(store, <FlowMatrix />);
  const table = () => screen.getByRole('table');
  const bodyRows = () => within(table()).getAllByRole('row').slice(2);
  const boundary = FLOW_COLUMNS.findIndex((c) => c.key === 'crossesZone');
  /** The rule id and the zone boundary cell of each row shown. */
  const shown = () =>
    bodyRows().map((r) => {
      const cells = within(r).getAllByRole('cell');
      return [cells[0]?.textContent, cells[boundary]?.textContent];
    });
  return { store, user: view.user, table, bodyRows, shown };
}

describe('the flow matrix and zone boundaries', () => {
  it('marks the flows between two hosts of one zone as inside that zone', () => {
    const { store, shown } = setup();
    const rows = selectRows(store);
    const inside = rows.filter((r) => r.linkId === 'inside');
    const across = rows.filter((r) => r.linkId === 'across');
    expect(inside.length).toBeGreaterThan(0);
    expect(across.length).toBeGreaterThan(0);
    expect(screen.getByRole('columnheader', { name: 'Zone boundary' })).toBeInTheDocument();
    expect(shown()).toEqual(rows.map((r) => [r.id, r.linkId === 'inside' ? 'inside zone Core' : 'crosses']));
  });

  it('hides the inside flows when only flows that cross a zone boundary are asked for', async () => {
    const { store, user, shown } = setup();
    const rows = selectRows(store);
    const across = rows.filter((r) => r.linkId === 'across');
    const toggle = screen.getByRole('checkbox', { name: 'Only flows that cross a zone boundary' });
    expect(toggle).not.toBeChecked();
    await user.click(toggle);
    expect(toggle).toBeChecked();
    expect(shown()).toEqual(across.map((r) => [r.id, 'crosses']));
    expect(screen.queryByText('inside zone Core')).not.toBeInTheDocument();
    expect(screen.getByText(`${across.length} of ${rows.length} flows`)).toBeInTheDocument();
    // Clearing the filters shows the inside flows again.
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(toggle).not.toBeChecked();
    expect(shown()).toHaveLength(rows.length);
  });

  it('groups by zone pair, source zone first, with a heading per pair', async () => {
    const { store, user, table } = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Group rows by' }), 'zonePair');
    const rows = selectRows(store);
    const pairs = new Map<string, number>();
    for (const r of rows) {
      const heading = `${r.sourceZone} → ${r.targetZone}`;
      pairs.set(heading, (pairs.get(heading) ?? 0) + 1);
    }
    expect([...pairs.keys()]).toContain('Core → Core');
    expect([...pairs.keys()]).toContain('Clients → Core');
    const headings = within(table()).getAllByRole('button', { expanded: true });
    expect(headings.map((h) => h.textContent)).toEqual(
      // The open caret, the heading in zone names, then the count.
      [...pairs].map(([heading, count]) => `▾${heading}${count} flow${count === 1 ? '' : 's'}`),
    );
  });

  it('offers no text filter on the zone boundary column (the toggle filters it)', () => {
    setup();
    expect(screen.queryByRole('searchbox', { name: 'Filter Zone boundary' })).not.toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Filter Destination zone' })).toBeInTheDocument();
  });
});
