/** @vitest-environment jsdom */
import { act, waitFor, within } from '@testing-library/react';
import { toDocument } from '@/store/app-store';
import { selectProblems } from '@/store/derived';
import { makeDocument, makeHost, makeLink, standaloneWithoutSql } from '../builders';
import { renderCanvas } from './render-canvas';

const setup = (doc = standaloneWithoutSql()) => renderCanvas(doc);

describe('findings on the canvas', () => {
  it('gives a host with an error a red outline and a badge with the count', () => {
    const { node } = setup();
    const site = node('site') as HTMLElement;
    expect(site.querySelector('.host-node--error')).not.toBeNull();
    expect(
      within(site).getByRole('img', { name: /^1 error: Site server P01-SITE has no site database/ }),
    ).toHaveTextContent('1');
    expect(node('dp')?.querySelector('.host-node--error, .host-node--warning')).toBeNull();
    expect(node('dp')?.querySelector('.status-badge')).toBeNull();
  });

  it('draws a placeholder for the missing SQL Server, which is not a host of the document', () => {
    const { store, node } = setup();
    const placeholder = node('missing:sql-server@P01') as HTMLElement;
    expect(placeholder).not.toBeNull();
    expect(placeholder).toHaveTextContent(/missing/i);
    expect(placeholder).toHaveTextContent('Site database server (SQL Server)');
    expect(placeholder).toHaveTextContent('SQL');
    expect(store.getState().hosts.map((h) => h.id)).not.toContain('missing:sql-server@P01');
    expect(store.getState().layout).not.toHaveProperty(['missing:sql-server@P01']);
  });

  it('draws ghost links from the hosts that need the role to the placeholder, outside the document', async () => {
    const { store, container } = setup();
    await waitFor(() => expect(container.querySelectorAll('.ghost-edge')).toHaveLength(2));
    expect(container.querySelector('.ghost-edge--error .ghost-edge__line')).not.toBeNull();
    expect(JSON.stringify(toDocument(store.getState()))).not.toMatch(/ghost|missing:/);
  });

  it('marks a link with a finding with an outline and a badge by its label', async () => {
    const { container } = setup(
      makeDocument(
        [makeHost('pc', ['client'], { name: 'PC' }), makeHost('dc', ['internet'], { name: 'DC' })],
        [makeLink('pc', 'dc', 'l1')],
      ),
    );
    await waitFor(() => expect(container.querySelector('.link-edge--warning')).not.toBeNull());
    expect(container.querySelector('.link-edge__outline')).not.toBeNull();
    const badge = container.querySelector('.link-label .status-badge') as HTMLElement;
    expect(badge).toHaveAccessibleName(/^1 warning: The link PC – DC carries no flow/);
  });

  it('removes badge, ghosts and placeholder once the problem is fixed', async () => {
    const { store, node, container } = setup();
    const finding = selectProblems(store).findings.find((f) => f.id === 'database-link-missing:mp');
    act(() => {
      store.getState().applyFix(finding!.fix!);
    });
    await waitFor(() => expect(node('missing:sql-server@P01')).toBeNull());
    expect(container.querySelectorAll('.ghost-edge')).toHaveLength(0);
    expect(node('site')?.querySelector('.status-badge')).toBeNull();
  });

  it('does not re-run the checks when a host is dragged', () => {
    const { store } = setup();
    const before = selectProblems(store);
    act(() => store.getState().moveHosts({ dp: { x: 10, y: 10 } }));
    expect(selectProblems(store)).toBe(before);
  });
});
