/** @vitest-environment jsdom */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { Inspector } from '@/panels/inspector';
import { Palette } from '@/panels/palette';
import { ZONE_DRAG_TYPE } from '@/store/drag-role';
import { useShortcuts } from '@/store/use-shortcuts';
import { makeDocument, makeHost, makeStore } from '../builders';
import { renderWithStore } from '../panels/render-with-store';
import { renderCanvas } from './render-canvas';

function Shortcuts() {
  useShortcuts();
  return null;
}

const doc = () =>
  makeDocument(
    [
      makeHost('site', ['site-server'], {
        name: 'P01-SITE',
        site: 'P01',
        zone: 'dc',
        options: { siteType: 'primary' },
      }),
      makeHost('mp', ['management-point'], { name: 'P01-MP01', site: 'P01', zone: 'dc', ip: '10.1.0.20' }),
      makeHost('pc', ['client'], { name: 'Clients', ip: '10.20.0.0/16' }),
    ],
    [],
    {
      zones: [
        {
          id: 'dc',
          name: 'Datacenter',
          kind: 'datacenter',
          cidrs: ['10.1.0.0/16'],
          box: { x: -40, y: -60, width: 700, height: 300 },
        },
        { id: 'lan', name: 'Client LAN', kind: 'clients', cidrs: ['10.20.0.0/16'] },
      ],
      layout: { site: { x: 0, y: 0 }, mp: { x: 240, y: 0 }, pc: { x: 0, y: 600 } },
    },
  );

describe('zones on the canvas', () => {
  it('draws a zone as the parent of its hosts, and a site band with code and type', () => {
    const view = renderCanvas(doc());
    const zone = view.node('zone/dc');
    expect(zone).not.toBeNull();
    expect(
      within(zone as HTMLElement).getByText('Datacenter', { selector: '.zone-node__name' }),
    ).toBeTruthy();
    expect(within(zone as HTMLElement).getByText('10.1.0.0/16')).toBeTruthy();
    // Named as its kind: the title says "Datacenter" once (zone-title.test.tsx).
    expect((zone as HTMLElement).querySelector('.zone-node__kind')).toBeNull();
    expect(
      within(view.node('zone/lan') as HTMLElement).getByText('Client network', {
        selector: '.zone-node__kind',
      }),
    ).toBeTruthy();
    expect(within(zone as HTMLElement).getByText('2 hosts')).toBeTruthy();
    // A host in the zone is its child, placed at (280, 60) inside the box at (-40, -60): React Flow
    // draws it at its absolute place, where the document has it.
    expect(view.node('mp')?.style.transform).toBe('translate(240px,0px)');
    // A zone without a box and without hosts still gets one; a host outside every zone stays absolute.
    expect(view.node('zone/lan')).not.toBeNull();
    expect(view.node('pc')?.style.transform).toBe('translate(0px,600px)');
    const band = view.node('site/P01') as HTMLElement;
    expect(band.textContent).toContain('P01');
    expect(band.textContent).toContain('Primary site');
  });

  it('selects a zone by its title and edits it in the inspector; deleting keeps its hosts', async () => {
    const store = makeStore(doc());
    const { user } = renderWithStore(store, <Inspector />);
    act(() => store.getState().selectZone('dc'));
    expect(screen.getByRole('heading', { name: 'Datacenter' })).toBeTruthy();
    const name = screen.getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'Core{Enter}');
    expect(store.getState().zones[0]?.name).toBe('Core');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'DMZ');
    expect(store.getState().zones[0]?.kind).toBe('dmz');
    await user.click(screen.getByRole('radio', { name: 'Colour red' }));
    expect(store.getState().zones[0]?.colour).toBe('red');
    const ranges = screen.getByRole('textbox', { name: /Address ranges/ });
    await user.clear(ranges);
    await user.type(ranges, '10.1.0.0/16{Enter}10.300.0.0/16');
    await user.tab();
    expect(screen.getByRole('alert').textContent).toMatch(/10\.300\.0\.0/);
    expect(store.getState().zones[0]?.cidrs).toEqual(['10.1.0.0/16']);
    await user.click(screen.getByRole('button', { name: 'Delete zone (hosts stay)' }));
    expect(store.getState().zones.map((z) => z.id)).toEqual(['lan']);
    expect(store.getState().hosts).toHaveLength(3);
  });

  it('offers the zone whose address range holds a host’s address, and moves it there', async () => {
    const store = makeStore(doc());
    const { user } = renderWithStore(store, <Inspector />);
    act(() => store.getState().select(['pc'], []));
    expect(screen.getByRole('status').textContent).toContain('Client LAN');
    await user.click(screen.getByRole('button', { name: 'Move to Client LAN' }));
    expect(store.getState().hosts.find((h) => h.id === 'pc')?.zone).toBe('lan');
    expect(screen.queryByRole('button', { name: 'Move to Client LAN' })).toBeNull();
  });

  it('puts the selection in a new zone with Ctrl+G, as one undo step', () => {
    const view = renderCanvas(doc());
    renderWithStore(view.store, <Shortcuts />);
    act(() => view.store.getState().select(['pc'], []));
    const past = view.store.temporal.getState().pastStates.length;
    fireEvent.keyDown(window, { key: 'g', ctrlKey: true });
    const added = view.store.getState().zones.at(-1);
    expect(added?.id).toBe('z1');
    expect(view.store.getState().hosts.find((h) => h.id === 'pc')?.zone).toBe('z1');
    expect(view.store.temporal.getState().pastStates.length).toBe(past + 1);
    expect(view.node('zone/z1')).not.toBeNull();
  });

  it('adds a zone from the palette by click and by a drop on the canvas', () => {
    const store = makeStore(makeDocument());
    renderWithStore(store, <Palette />);
    fireEvent.click(screen.getByRole('button', { name: 'Draw zone DMZ' }));
    expect(store.getState().zones).toMatchObject([{ id: 'z1', name: 'DMZ', kind: 'dmz' }]);
    expect(store.getState().selectedZoneIds).toEqual(['z1']);

    const view = renderCanvas(makeDocument());
    const pane = view.container.querySelector('.react-flow') as HTMLElement;
    const transfer = {
      types: [ZONE_DRAG_TYPE],
      getData: (t: string) => (t === ZONE_DRAG_TYPE ? 'branch' : ''),
      dropEffect: '',
    };
    fireEvent.dragOver(pane, { dataTransfer: transfer, clientX: 300, clientY: 200 });
    fireEvent.drop(pane, { dataTransfer: transfer, clientX: 300, clientY: 200 });
    expect(view.store.getState().zones).toMatchObject([{ kind: 'branch', name: 'Branch office' }]);
  });
});
