/** @vitest-environment jsdom */
import { act, screen, within } from '@testing-library/react';
import { LinkInspector } from '@/panels/link-inspector';
import { ResultsButtons } from '@/panels/results-buttons';
import { importTestResults } from '@/store/results-commands';
import { makeStore } from '../builders';
import { smallTopology } from '../export/ps1-support';
import { text as words } from '../store/text';
import { renderWithStore } from './render-with-store';

const HEADER = 'source,target,protocol,port,result';

describe('test results in the toolbar', () => {
  it('imports a result file picked by the user and offers to clear the results, which Undo brings back', async () => {
    const store = makeStore(smallTopology());
    const { user } = renderWithStore(store, <ResultsButtons />);
    expect(screen.getByRole('button', { name: 'Import test results…' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Clear test results' })).toBeNull();
    const file = new File([`${HEADER}\nClients,MP01,TCP,443,blocked\n`], 'results.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText('Test result file'), file);
    const clear = await screen.findByRole('button', { name: 'Clear test results' });
    expect(Object.values(store.getState().results ?? {})).toEqual(['blocked']);
    expect(words(store.getState().notices.at(-1)?.title)).toBe(
      'Test results from "results.csv": 0 flows verified, 1 blocked, 0 untested.',
    );
    await user.click(clear);
    expect(store.getState().results).toBeUndefined();
    expect(screen.queryByRole('button', { name: 'Clear test results' })).toBeNull();
    act(() => store.getState().undo());
    expect(await screen.findByRole('button', { name: 'Clear test results' })).toBeInTheDocument();
  });
});

describe('test results in the link inspector', () => {
  it("lists each flow's result once a test was imported, untested ones too", () => {
    const store = makeStore(smallTopology());
    const link = store.getState().links.find((l) => l.source === 'clients' && l.target === 'mp');
    if (!link) throw new Error('no Clients – MP01 link');
    const view = renderWithStore(store, <LinkInspector link={link} />);
    const table = () => screen.getByRole('table', { name: 'Flows of this link' });
    expect(within(table()).queryByText('Not tested')).toBeNull();
    act(() => {
      importTestResults(store, `${HEADER}\nClients,MP01,TCP,443,blocked\nClients,MP01,TCP,80,open`, 'r.csv');
    });
    const row = (port: string) =>
      within(table())
        .getAllByRole('row')
        .find((r) => within(r).queryByText(port, { selector: 'strong' }));
    expect(row('443')).toHaveTextContent('Blocked');
    expect(row('80')).toHaveTextContent('Verified');
    expect(row('10123')).toHaveTextContent('Not tested');
    view.unmount();
  });
});
