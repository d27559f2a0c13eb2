/** @vitest-environment jsdom */
import { act, fireEvent, waitFor, within } from '@testing-library/react';
import { ROLE_DRAG_TYPE } from '@/store/drag-role';
import { makeDocument, makeHost, makeLink } from '../builders';
import { text } from '../store/text';
import { renderCanvas } from './render-canvas';

function setup(
  doc = makeDocument(
    [
      makeHost('mp', ['management-point'], { name: 'P01-MP01', ip: '10.1.0.20' }),
      makeHost('site', ['site-server', 'sql-server'], { name: 'P01-SITE' }),
      makeHost('odd', ['quantum-point'], { name: 'ODD' }),
      makeHost('pc', ['client'], { name: 'PC' }),
      makeHost('dc', ['domain-controller'], { name: 'DC01' }),
    ],
    [makeLink('mp', 'site', 'l1')],
  ),
) {
  const view = renderCanvas(doc);
  return { ...view, node: (id: string) => view.node(id) as HTMLElement };
}

function dataTransfer(role: string) {
  return {
    types: [ROLE_DRAG_TYPE],
    getData: (t: string) => (t === ROLE_DRAG_TYPE ? role : ''),
    dropEffect: '',
  };
}

/**
 * Links two hosts through React Flow's onConnect, as a person does with click-to-connect: the
 * link dot of one host, then the other host's box. A drag takes the same path but needs layout.
 */
function connect(view: ReturnType<typeof setup>, from: string, to: string) {
  // jsdom has no layout, so no element is under the pointer: React Flow then takes the clicked handle.
  const elementFromPoint = document.elementFromPoint;
  document.elementFromPoint = () => null;
  try {
    fireEvent.click(view.node(from).querySelector('.host-handle') as HTMLElement);
    fireEvent.click(view.node(to).querySelector('.host-node__anchor') as HTMLElement);
  } finally {
    document.elementFromPoint = elementFromPoint;
  }
}

describe('the diagram', () => {
  it('draws each host with its name, address and one badge per role', () => {
    const { node } = setup();
    const mp = node('mp');
    expect(mp).toHaveTextContent('P01-MP01');
    expect(mp).toHaveTextContent('10.1.0.20');
    expect(within(node('site')).getByTitle('Site server')).toHaveTextContent('SS');
    expect(within(node('site')).getByTitle('Site database server (SQL Server)')).toHaveTextContent('SQL');
  });

  it('shows an unknown role as a warning on its host', () => {
    const { node } = setup();
    expect(
      within(node('odd')).getByRole('img', { name: /warning.*does not know \("quantum-point"\)/ }),
    ).toBeInTheDocument();
    expect(node('odd').querySelector('.host-node--warning')).not.toBeNull();
  });

  it('shows the selected state', () => {
    const { store, node } = setup();
    act(() => store.getState().select(['mp'], []));
    expect(node('mp').querySelector('.host-node--selected')).not.toBeNull();
    expect(node('site').querySelector('.host-node--selected')).toBeNull();
  });

  it('creates a host where a role is dropped on empty canvas', () => {
    const { store, container } = setup();
    const pane = container.querySelector('.react-flow') as HTMLElement;
    fireEvent.dragOver(pane, { dataTransfer: dataTransfer('distribution-point') });
    fireEvent.drop(pane, { dataTransfer: dataTransfer('distribution-point'), clientX: 300, clientY: 200 });
    const added = store.getState().hosts.at(-1);
    expect(added).toMatchObject({ name: 'DP01', roles: ['distribution-point'] });
    const p = store.getState().layout[added?.id ?? ''];
    expect(Number.isFinite(p?.x) && Number.isFinite(p?.y)).toBe(true);
  });

  it('adds a role to the host it is dropped on', () => {
    const { store, node } = setup();
    fireEvent.drop(node('mp'), { dataTransfer: dataTransfer('distribution-point') });
    expect(store.getState().hosts.find((h) => h.id === 'mp')?.roles).toEqual([
      'management-point',
      'distribution-point',
    ]);
    expect(store.getState().hosts).toHaveLength(5);
    expect(text(store.getState().notices.at(-1)?.title)).toMatch(/Added Distribution point to P01-MP01/);
  });

  it('marks the host under a dragged role, and only tells when the host already holds the role', () => {
    const { store, node, container } = setup();
    fireEvent.dragOver(node('mp'), { dataTransfer: dataTransfer('management-point') });
    expect(container.querySelector('.react-flow__node.is-drop-target')?.getAttribute('data-id')).toBe('mp');
    const before = store.getState().hosts;
    fireEvent.drop(node('mp'), { dataTransfer: dataTransfer('management-point') });
    expect(store.getState().hosts).toBe(before);
    expect(store.getState().notices.at(-1)).toMatchObject({ tone: 'info' });
    expect(text(store.getState().notices.at(-1)?.title)).toMatch(
      /P01-MP01 already holds the role Management point/,
    );
    expect(container.querySelector('.is-drop-target')).toBeNull();
  });

  it('refuses a link between hosts that share no rule, with a message, and draws nothing', () => {
    const view = setup();
    connect(view, 'pc', 'dc');
    expect(view.store.getState().links).toHaveLength(1);
    expect(text(view.store.getState().notices.at(-1)?.title)).toMatch(/No link drawn: PC .* share no rule/);
    expect(view.container.querySelectorAll('.react-flow__edge-link')).toHaveLength(1);
  });

  it('draws a link between hosts that share rules, the same way', () => {
    const view = setup();
    connect(view, 'pc', 'mp');
    expect(view.store.getState().links.at(-1)).toMatchObject({ source: 'pc', target: 'mp' });
    expect(view.container.querySelectorAll('.react-flow__edge-link')).toHaveLength(2);
  });

  it('deletes the selected host with the Delete key, links included, as one undo step', async () => {
    const { store, node } = setup();
    act(() => store.getState().select(['mp'], []));
    fireEvent.keyDown(node('mp'), { key: 'Delete' });
    await waitFor(() => expect(store.getState().hosts.map((h) => h.id)).not.toContain('mp'));
    expect(store.getState().links).toEqual([]);
    act(() => store.getState().undo());
    expect(store.getState().hosts.map((h) => h.id)).toContain('mp');
    expect(store.getState().links).toHaveLength(1);
  });

  it('shows the overview map on a small diagram, and hides and shows it with its button', () => {
    const { getByRole, queryByLabelText } = setup();
    expect(queryByLabelText('Overview of the diagram')).not.toBeNull();
    fireEvent.click(getByRole('button', { name: 'Hide the overview map' }));
    expect(queryByLabelText('Overview of the diagram')).toBeNull();
    const show = getByRole('button', { name: 'Show the overview map' });
    expect(show).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(show);
    expect(queryByLabelText('Overview of the diagram')).not.toBeNull();
  });

  it('starts with the overview map hidden on a large diagram, where it would slow every pan', () => {
    const hosts = Array.from({ length: 500 }, (_, i) =>
      makeHost(`pc${i}`, ['client'], { name: `PC${String(i).padStart(3, '0')}` }),
    );
    const view = setup(makeDocument(hosts, []));
    expect(view.queryByLabelText('Overview of the diagram')).toBeNull();
    fireEvent.click(view.getByRole('button', { name: 'Show the overview map' }));
    expect(view.queryByLabelText('Overview of the diagram')).not.toBeNull();
    // 500 hosts mount in jsdom in ~8 s on a busy two-core machine, and took over 30 s at load 15.
  }, 120_000);
});
