/** @vitest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import { flowsWritten } from '@/domain/engine/result';
import { selectDerivation } from '@/store/derived';
import { syntheticHierarchy } from '../../bench/synthetic';
import { renderApp } from './render-app';

describe('a diagram as it opens (issue 18)', () => {
  it('shows its canvas, problem count, flow count and first matrix rows without writing every flow', async () => {
    const doc = syntheticHierarchy(120, catalogue);
    const want = deriveFlows(doc, catalogue).flows;
    const { store } = renderApp(doc);
    const matrix = screen.getByRole('region', { name: 'Flow matrix' });
    await waitFor(() => expect(within(matrix).getAllByRole('row').length).toBeGreaterThan(3));
    // The first row is the first flow in matrix order, made on its own.
    const first = want[0]!;
    const row = within(matrix)
      .getAllByRole('row')
      .find((r) => within(r).queryByText('F-0001'));
    expect(row).toBeDefined();
    const name = (id: string) => doc.hosts.find((h) => h.id === id)!.name;
    expect(row!.textContent).toContain(`${name(first.initiator)} (`);
    expect(row!.textContent).toContain(`opens ${first.protocol} `);
    expect(row!.textContent).toContain(` on ${name(first.responder)} (`);
    expect(screen.getByRole('button', { name: /^Problems:/ })).toBeInTheDocument();
    expect(flowsWritten(selectDerivation(store))).toBe(false);
    // Reading every flow (an export, a filter) writes them, the same as derived from scratch.
    expect(selectDerivation(store).flows.length).toBe(want.length);
    expect(flowsWritten(selectDerivation(store))).toBe(true);
  }, 60_000);
});
