/** @vitest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { catalogue } from '@/domain/default-catalogue';
import { selectRows } from '@/store/derived';
import { FlowMatrix } from '@/table/flow-matrix';
import { syntheticHierarchy } from '../../bench/synthetic';
import { makeStore } from '../builders';
import { renderWithStore } from '../panels/render-with-store';

/** An estate whose matrix has far more rows than a screen (jsdom has no layout: 600 px are assumed). */
function setup() {
  const store = makeStore(syntheticHierarchy(60, catalogue));
  const view = renderWithStore(store, <FlowMatrix />);
  const table = () => screen.getByRole('table');
  // Spacer rows (one cell, no rule id) hold the place of rows out of view.
  const bodyRows = () =>
    within(table())
      .getAllByRole('row')
      .slice(2)
      .filter((r) => r.hasAttribute('aria-rowindex'));
  return { store, table, bodyRows, ...view };
}

describe('the flow matrix of a large estate', () => {
  it('puts only the rows in view in the page, and says how many there are', () => {
    const { store, table, bodyRows } = setup();
    const total = selectRows(store).length;
    expect(total).toBeGreaterThan(500);
    const shown = bodyRows();
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.length).toBeLessThan(100);
    expect(table()).toHaveAttribute('aria-rowcount', String(total + 2));
    expect(shown[0]).toHaveAttribute('aria-rowindex', '3');
    expect(within(shown[0] as HTMLElement).getAllByRole('cell')[0]).toHaveTextContent('F-0001');
    expect(screen.getByText(`${total} flows`)).toBeInTheDocument();
  });

  it('filters all rows, not only those in view, and counts them', async () => {
    const { store, user, table, bodyRows } = setup();
    const rows = selectRows(store);
    const matching = rows.filter((r) => r.protocol === 'UDP');
    await user.type(screen.getByRole('searchbox', { name: 'Filter Protocol' }), 'udp');
    expect(screen.getByText(`${matching.length} of ${rows.length} flows`)).toBeInTheDocument();
    expect(table()).toHaveAttribute('aria-rowcount', String(matching.length + 2));
    const ids = bodyRows().map((r) => within(r).getAllByRole('cell')[0]?.textContent);
    expect(ids).toEqual(matching.slice(0, ids.length).map((r) => r.id));
  });

  it('groups by host pair with group headings among the virtual rows, and selects a link from a row', async () => {
    const { store, user, table, bodyRows } = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Group rows by' }), 'pair');
    const headings = within(table()).getAllByRole('button', { expanded: true });
    expect(headings.length).toBeGreaterThan(1);
    const pairs = new Set(selectRows(store).map((r) => [r.source, r.target].sort().join(' ↔ ')));
    expect(Number(table().getAttribute('aria-rowcount'))).toBe(selectRows(store).length + pairs.size + 2);
    const first = bodyRows().find((r) => r.classList.contains('matrix__row')) as HTMLElement;
    await user.click(first);
    const id = within(first).getAllByRole('cell')[0]?.textContent;
    const row = selectRows(store).find((r) => r.id === id);
    expect(store.getState().selectedLinkIds).toEqual([row?.linkId]);
  });
});
