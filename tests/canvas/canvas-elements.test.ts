import { ghostEdges, hostNodes, linkEdges, placeholderNodes } from '@/canvas/canvas-elements';
import type { PlaceholderNodeType } from '@/canvas/canvas-types';
import { linkModels } from '@/canvas/link-model';
import { ownBoxes } from '@/canvas/zone-elements';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import { zoneBoxes } from '@/domain/zones/zone-frames';
import type { ElementStatus, GhostLink, MissingRolePlaceholder } from '@/store/derived';
import { makeDocument, makeHost, makeLink } from '../builders';
import { canvasT } from './canvas-words';

const doc = makeDocument(
  [makeHost('pc', ['client'], { name: 'PC01' }), makeHost('mp', ['management-point'], { name: 'MP01' })],
  [makeLink('pc', 'mp', 'l1')],
  { layout: { pc: { x: 0, y: 0 }, mp: { x: 400, y: 0 } } },
);
const NONE = new Map<string, ElementStatus>();
const warning = (key: string): ElementStatus => ({
  level: 'warning',
  messages: [{ key }],
  count: 1,
  errors: 0,
  warnings: 1,
});
const hostInput = {
  hosts: doc.hosts,
  layout: doc.layout,
  live: new Map(),
  measured: {},
  selectedHostIds: [],
  statuses: NONE,
  dropTarget: null,
  t: canvasT,
};
const missingSql: MissingRolePlaceholder = {
  id: 'missing:sql-server',
  role: 'sql-server',
  sources: ['pc'],
  severity: 'error',
};

describe('host nodes', () => {
  it('makes one node per host, placed by the layout, with its host and status as data', () => {
    const status = warning('No site');
    const { nodes, byId } = hostNodes(
      { ...hostInput, statuses: new Map([['mp', status]]), selectedHostIds: ['mp'] },
      new Map(),
    );
    expect(nodes).toEqual([
      {
        id: 'pc',
        type: 'host',
        position: { x: 0, y: 0 },
        data: { host: doc.hosts[0], status: undefined },
        selected: false,
        ariaLabel: 'Host PC01',
      },
      {
        id: 'mp',
        type: 'host',
        position: { x: 400, y: 0 },
        data: { host: doc.hosts[1], status },
        selected: true,
        ariaLabel: 'Host MP01',
      },
    ]);
    expect([...byId.values()]).toEqual(nodes);
  });

  it('takes a dragged host’s live position, its measured size and the drop mark', () => {
    const size = { width: 168, height: 60 };
    const { nodes } = hostNodes(
      { ...hostInput, live: new Map([['pc', { x: 32, y: 48 }]]), measured: { pc: size }, dropTarget: 'pc' },
      new Map(),
    );
    expect(nodes[0]).toMatchObject({
      position: { x: 32, y: 48 },
      measured: size,
      className: 'is-drop-target',
    });
    expect(nodes[1]).not.toHaveProperty('className');
  });

  it('keeps the node objects of unchanged hosts and the data of hosts whose findings read the same', () => {
    const first = hostNodes({ ...hostInput, statuses: new Map([['mp', warning('No site')]]) }, new Map());
    const again = hostNodes({ ...hostInput, statuses: new Map([['mp', warning('No site')]]) }, first.byId);
    expect(again.nodes[0]).toBe(first.nodes[0]);
    expect(again.nodes[1]).toBe(first.nodes[1]);

    const moved = hostNodes(
      {
        ...hostInput,
        statuses: new Map([['mp', warning('No site')]]),
        live: new Map([['mp', { x: 1, y: 1 }]]),
      },
      again.byId,
    );
    expect(moved.nodes[0]).toBe(first.nodes[0]);
    expect(moved.nodes[1]).not.toBe(first.nodes[1]);
    expect(moved.nodes[1]?.data).toBe(first.nodes[1]?.data);

    // React Flow measured the hosts and holds their sizes: the first size keeps the node, a new one does not.
    const size = { width: 172, height: 80 };
    const measured = hostNodes(
      { ...hostInput, statuses: new Map([['mp', warning('No site')]]), measured: { pc: size } },
      moved.byId,
    );
    expect(measured.nodes[0]).toBe(first.nodes[0]);
    // While the overview map is shown, a host's node carries its first size too (the map reads it there).
    const sized = hostNodes(
      { ...hostInput, statuses: new Map([['mp', warning('No site')]]), measured: { pc: size }, sized: true },
      moved.byId,
    );
    expect(sized.nodes[0]).not.toBe(first.nodes[0]);
    expect(sized.nodes[0]).toMatchObject({ measured: size, data: first.nodes[0]!.data });
    const grown = hostNodes(
      {
        ...hostInput,
        statuses: new Map([['mp', warning('No site')]]),
        measured: { pc: { ...size, height: 98 } },
      },
      new Map([['pc', { ...first.nodes[0]!, measured: size }]]),
    );
    expect(grown.nodes[0]).toMatchObject({ measured: { width: 172, height: 98 } });

    const changed = hostNodes({ ...hostInput, statuses: new Map([['mp', warning('No IP')]]) }, moved.byId);
    expect(changed.nodes[1]?.data).not.toBe(first.nodes[1]?.data);
    expect(changed.nodes[1]?.data.status?.messages).toEqual([{ key: 'No IP' }]);
  });
});

describe('placeholder nodes', () => {
  const input = {
    placeholders: [missingSql],
    layout: doc.layout,
    measured: {},
    catalogue,
    capturing: false,
    t: canvasT,
  };

  it('stands a missing role beside the hosts that need it, clear of hosts and earlier placeholders', () => {
    const sql = catalogue.roleById.get('sql-server');
    const { nodes } = placeholderNodes(
      { ...input, placeholders: [missingSql, { ...missingSql, id: 'missing:sql-server:2' }] },
      new Map(),
    );
    expect(nodes[0]).toEqual({
      id: 'missing:sql-server',
      type: 'placeholder',
      position: { x: 200, y: 120 },
      data: { roleName: sql?.name, abbr: sql?.abbr, color: sql?.color, severity: 'error' },
      draggable: false,
      selectable: false,
      connectable: false,
      deletable: false,
      focusable: false,
      ariaLabel: `Missing ${sql?.name}`,
    });
    expect(nodes[1]?.position).toEqual({ x: 200, y: 260 });
  });

  it('moves down while a host stands in its spot', () => {
    const { nodes } = placeholderNodes(
      { ...input, layout: { ...doc.layout, mp: { x: 200, y: 120 } } },
      new Map<string, PlaceholderNodeType>(),
    );
    expect(nodes[0]?.position).toEqual({ x: 200, y: 260 });
  });

  it('keeps an unchanged placeholder and draws none while an image is captured', () => {
    const first = placeholderNodes(input, new Map());
    expect(placeholderNodes(input, first.byId).nodes[0]).toBe(first.nodes[0]);
    expect(placeholderNodes({ ...input, capturing: true }, first.byId).nodes).toEqual([]);
    expect(placeholderNodes({ ...input, placeholders: [] }, first.byId).nodes).toEqual([]);
  });
});

describe('link edges', () => {
  const models = linkModels(doc.links, deriveFlows(doc, catalogue).flows, catalogue);
  const input = {
    links: doc.links,
    hosts: doc.hosts,
    models,
    selectedLinkIds: [],
    statuses: NONE,
    t: canvasT,
  };

  it('makes one edge per link between the hosts’ anchors, with the link’s model as data', () => {
    const edges = linkEdges({ ...input, selectedLinkIds: ['l1'] }, []);
    expect(edges).toEqual([
      {
        id: 'l1',
        source: 'pc',
        target: 'mp',
        sourceHandle: 'anchor',
        targetHandle: 'anchor',
        type: 'link',
        data: { model: models.get('l1'), status: undefined },
        selected: true,
        ariaLabel: 'Link PC01 – MP01',
      },
    ]);
    expect(linkEdges({ ...input, models: new Map() }, [])).toEqual([]);
  });

  it('keeps an edge’s data while its model and findings are the same', () => {
    const first = linkEdges(input, []);
    const selected = linkEdges({ ...input, selectedLinkIds: ['l1'] }, first);
    expect(selected[0]?.data).toBe(first[0]?.data);
    const flagged = linkEdges({ ...input, statuses: new Map([['l1', warning('Empty')]]) }, selected);
    expect(flagged[0]?.data).not.toBe(first[0]?.data);
    expect(flagged[0]?.data?.status?.messages).toEqual([{ key: 'Empty' }]);
  });
});

describe('ghost edges', () => {
  const ghost: GhostLink = {
    id: 'ghost:f1',
    findingId: 'f1',
    source: 'pc',
    target: missingSql.id,
    severity: 'error',
    message: { key: 'needs a database' },
  };
  const input = {
    ghosts: [ghost],
    placeholders: [missingSql],
    hosts: doc.hosts,
    catalogue,
    capturing: false,
    t: canvasT,
  };

  it('draws a missing connection dashed, not selectable, named after the placeholder it ends at', () => {
    expect(ghostEdges(input)).toEqual([
      {
        id: 'ghost:f1',
        source: 'pc',
        target: 'missing:sql-server',
        sourceHandle: 'anchor',
        targetHandle: 'anchor',
        type: 'ghost',
        data: { ghost },
        selectable: false,
        deletable: false,
        focusable: false,
        ariaLabel: `Missing link PC01 – missing ${catalogue.roleById.get('sql-server')?.name}`,
      },
    ]);
  });

  it('draws none while an image is captured', () => {
    expect(ghostEdges({ ...input, capturing: true })).toEqual([]);
  });
});

describe('zones with their own boxes', () => {
  it('gives the boxes zoneBoxes gives without reading a host, and none when a zone must be fitted', () => {
    const boxed = [
      { id: 'z', name: 'DMZ', box: { x: 0, y: 0, width: 300, height: 200 } },
      { id: 'y', name: 'Inner', parent: 'z', box: { x: 10, y: 50, width: 100, height: 80 } },
    ];
    const hosts = [makeHost('h', ['client'])].map((h) => ({ ...h, zone: 'y' }));
    expect(ownBoxes(boxed)).toEqual(zoneBoxes(boxed, hosts, { h: { x: 20, y: 60 } }, {}));
    expect(ownBoxes([...boxed, { id: 'x', name: 'Fitted' }])).toBeUndefined();
    expect(ownBoxes([])).toEqual(new Map());
  });
});
