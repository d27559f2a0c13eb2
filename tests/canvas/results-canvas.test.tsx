/** @vitest-environment jsdom */
import { act, screen, waitFor } from '@testing-library/react';
import { selectRows } from '@/store/derived';
import { importTestResults } from '@/store/results-commands';
import { smallTopology } from '../export/ps1-support';
import { renderCanvas } from './render-canvas';

const HEADER = 'source,target,protocol,port,result';

/** The small topology spread out and measured, so every link's label has room to show. */
function setup() {
  const doc = smallTopology();
  const spots = {
    clients: [0, 0],
    mp: [700, 0],
    lab: [0, 500],
    dp: [700, 500],
    admin: [0, 1000],
    prov: [700, 1000],
  };
  const layout = Object.fromEntries(Object.entries(spots).map(([id, [x, y]]) => [id, { x: x!, y: y! }]));
  const view = renderCanvas({ ...doc, layout });
  const size = { width: 172, height: 72 };
  act(() =>
    view.store.getState().setMeasured(Object.fromEntries(Object.keys(spots).map((id) => [id, size]))),
  );
  return view;
}

describe('test results on the canvas', () => {
  it('draws a link with a blocked flow in the blocked colour with a cross, and an all-verified link with a tick', async () => {
    const { store, container } = setup();
    // Every flow of Lab → MP01 verified; one flow of Clients → MP01 blocked.
    const labRows = selectRows(store).filter((r) => r.source === 'Lab' && r.target === 'MP01');
    const csv = [
      HEADER,
      'Clients,MP01,TCP,443,blocked',
      ...labRows.map(
        (r) =>
          `Lab,MP01,${r.protocol},${r.port.kind === 'single' ? r.port.port : `${r.port.from}-${r.port.to}`},open`,
      ),
    ].join('\n');
    act(() => {
      importTestResults(store, csv, 'results.csv');
    });
    const blockedLink = store.getState().links.find((l) => l.source === 'clients')?.id;
    const verifiedLink = store.getState().links.find((l) => l.source === 'lab' && l.target === 'mp')?.id;
    await waitFor(() => expect(container.querySelectorAll('.link-edge--blocked')).toHaveLength(1));
    const blocked = container.querySelector(`.react-flow__edge[data-id="${blockedLink}"] .link-edge`);
    expect(blocked).toHaveClass('link-edge--blocked');
    // No service colour inline: the stroke takes the blocked token from the stylesheet.
    for (const stroke of blocked?.querySelectorAll('.link-edge__stroke') ?? []) {
      expect((stroke as SVGElement).style.stroke).toBe('');
    }
    expect(
      await screen.findByRole('img', { name: 'Connectivity test: flows of this link blocked' }),
    ).toBeInTheDocument();
    const verified = container.querySelector(`.react-flow__edge[data-id="${verifiedLink}"] .link-edge`);
    expect(verified).toHaveClass('link-edge--verified');
    expect(
      screen.getByRole('img', { name: 'Connectivity test: every flow of this link verified' }),
    ).toBeInTheDocument();
    // The other links carry no mark.
    expect(container.querySelectorAll('.link-label__result')).toHaveLength(2);
  });

  it('takes the marks away when the results are cleared', async () => {
    const { store, container } = setup();
    act(() => {
      importTestResults(store, `${HEADER}\nClients,MP01,TCP,443,blocked`, 'r.csv');
    });
    await waitFor(() => expect(container.querySelector('.link-edge--blocked')).not.toBeNull());
    act(() => {
      store.setState({ results: undefined });
    });
    await waitFor(() => expect(container.querySelector('.link-edge--blocked')).toBeNull());
    expect(container.querySelector('.link-label__result')).toBeNull();
  });
});
