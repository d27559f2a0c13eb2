/** @vitest-environment jsdom */
import { act, screen, waitFor, within } from '@testing-library/react';
import { LinkInspector } from '@/panels/link-inspector';
import { MenuButton } from '@/panels/menu-button';
import { useResultsItems } from '@/panels/results-buttons';
import { importTestResults } from '@/store/results-commands';
import { makeStore } from '../builders';
import { smallTopology } from '../export/ps1-support';
import { text as words } from '../store/text';
import { renderWithStore } from './render-with-store';

const HEADER = 'source,target,protocol,port,result';

/** The Export menu's test result items, as the toolbar renders them. */
function ExportMenu() {
  const { items, input } = useResultsItems();
  return (
    <>
      <MenuButton label="Export" icon="export" items={items} />
      {input}
    </>
  );
}

describe('test results in the Export menu', () => {
  it('imports a result file picked by the user and offers to clear the results, which Undo brings back', async () => {
    const store = makeStore(smallTopology());
    const { user } = renderWithStore(store, <ExportMenu />);
    const open = () => user.click(screen.getByRole('button', { name: 'Export' }));
    const item = (name: string) => screen.getByRole('menuitem', { name: new RegExp(`^${name}`) });
    await open();
    expect(item('Import test results…')).toBeEnabled();
    expect(item('Clear test results')).toBeDisabled();
    await user.keyboard('{Escape}');
    const file = new File([`${HEADER}\nClients,MP01,TCP,443,blocked\n`], 'results.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText('Test result file'), file);
    await waitFor(() => expect(Object.values(store.getState().results ?? {})).toEqual(['blocked']));
    expect(words(store.getState().notices.at(-1)?.title)).toBe(
      'Test results from "results.csv": 0 flows verified, 1 blocked, 0 untested.',
    );
    await open();
    await user.click(item('Clear test results'));
    expect(store.getState().results).toBeUndefined();
    act(() => store.getState().undo());
    await open();
    expect(item('Clear test results')).toBeEnabled();
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
