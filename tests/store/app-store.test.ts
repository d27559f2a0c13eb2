import { catalogue } from '@/domain/default-catalogue';
import { DOCUMENT_VERSION } from '@/domain/document';
import { HOST_BOX } from '@/domain/placement';
import { restoreDocument } from '@/domain/restore';
import { toDocument } from '@/store/app-store';
import { selectDerivation, selectProblems, selectRows } from '@/store/derived';
import { templates } from '@/store/templates';
import { handleShortcut } from '@/store/use-shortcuts';
import { makeDocument, makeHost, makeLink, makeStore } from '../builders';
import { text } from './text';

const history = (store: ReturnType<typeof makeStore>) => store.temporal.getState();

describe('the app store', () => {
  it('adds hosts named from the role badge, each with a unique id, and selects the new one', () => {
    const store = makeStore(makeDocument());
    const a = store.getState().addHost('management-point', { x: 0, y: 0 });
    const b = store.getState().addHost('management-point', { x: 100, y: 0 });
    const hosts = store.getState().hosts;
    expect(hosts.map((h) => h.name)).toEqual(['MP01', 'MP02']);
    expect(a).not.toBe(b);
    expect(store.getState().selectedHostIds).toEqual([b]);
    expect(store.getState().layout[b as string]).toEqual({ x: 100, y: 0 });
  });

  it('never names a new host so that it reads the same as one already there ("MP 01")', () => {
    const store = makeStore(makeDocument([makeHost('a', ['management-point'], { name: 'MP 01' })]));
    const id = store.getState().addHost('management-point', { x: 0, y: 300 });
    expect(store.getState().hosts.find((h) => h.id === id)?.name).toBe('MP02');
    expect(selectProblems(store).findings.filter((f) => f.check === 'duplicate-host-name')).toEqual([]);
  });

  it('places a host added without a position at the centre of the view, off other hosts', () => {
    const store = makeStore(makeDocument());
    store.getState().setViewCenter({ x: 500, y: 300 });
    const a = store.getState().addHost('client') as string;
    const b = store.getState().addHost('client') as string;
    const { layout } = store.getState();
    // The host's centre (half a new host, 84 x 30) lands on the view's centre, as a drop does.
    expect(layout[a]).toEqual({ x: 416, y: 270 });
    expect(layout[b]).not.toEqual(layout[a]);
  });

  it('adds a dropped role to an existing host once', () => {
    const store = makeStore();
    store.getState().addRoleToHost('mp', 'distribution-point');
    store.getState().addRoleToHost('mp', 'distribution-point');
    expect(store.getState().hosts.find((h) => h.id === 'mp')?.roles).toEqual([
      'management-point',
      'distribution-point',
    ]);
  });

  it('links hosts that share a rule and refuses hosts that share none, with a reason', () => {
    const store = makeStore(
      makeDocument([
        makeHost('pc', ['client'], { name: 'PC01' }),
        makeHost('sql', ['sql-server'], { name: 'SQL01' }),
        makeHost('mp', ['management-point'], { name: 'MP01' }),
      ]),
    );
    const refused = store.getState().connectHosts('pc', 'sql');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(text(refused.reason)).toMatch(/PC01 .*SQL01 .*share no rule/);
    expect(store.getState().links).toHaveLength(0);
    expect(store.getState().connectHosts('pc', 'mp').ok).toBe(true);
    expect(store.getState().links).toHaveLength(1);
  });

  it('refuses self-links and a second link between the same hosts', () => {
    const store = makeStore();
    const self = store.getState().connectHosts('mp', 'mp');
    expect(self.ok).toBe(false);
    expect(!self.ok && text(self.reason)).toMatch(/itself/);
    const twice = store.getState().connectHosts('site', 'mp');
    expect(twice.ok).toBe(false);
    expect(!twice.ok && text(twice.reason)).toMatch(/already linked/);
  });

  it('removes a host with its links and drops it from the selection', () => {
    const store = makeStore();
    store.getState().select(['mp', 'pc'], []);
    store.getState().removeElements(['mp'], []);
    expect(store.getState().hosts.map((h) => h.id)).toEqual(['site', 'pc']);
    expect(store.getState().links).toEqual([]);
    expect(store.getState().layout.mp).toBeUndefined();
    expect(store.getState().selectedHostIds).toEqual(['pc']);
  });

  it('undoes and redoes structural changes, but records no history for selection or panels', () => {
    const store = makeStore();
    store.getState().select(['mp'], []);
    store.getState().setMatrixSize('large');
    expect(history(store).pastStates).toHaveLength(0);
    store.getState().addHost('distribution-point', { x: 0, y: 0 });
    store.getState().setRoles('mp', ['management-point', 'fallback-status-point']);
    expect(history(store).pastStates).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().hosts.find((h) => h.id === 'mp')?.roles).toEqual(['management-point']);
    store.getState().undo();
    expect(store.getState().hosts).toHaveLength(3);
    store.getState().redo();
    expect(store.getState().hosts).toHaveLength(4);
  });

  it('records one history entry for a whole drag of many frames', () => {
    const store = makeStore();
    const before = store.getState().layout.mp;
    store.getState().beginDrag();
    for (let i = 1; i <= 40; i += 1) store.getState().moveHosts({ mp: { x: i * 5, y: i * 3 } });
    store.getState().endDrag();
    expect(history(store).pastStates).toHaveLength(1);
    expect(store.getState().layout.mp).toEqual({ x: 200, y: 120 });
    store.getState().undo();
    expect(store.getState().layout.mp).toEqual(before);
  });

  it('does not re-derive flows when only positions change', () => {
    const store = makeStore();
    const first = selectDerivation(store);
    const rows = selectRows(store);
    store.getState().moveHosts({ mp: { x: 999, y: 999 } });
    expect(selectDerivation(store)).toBe(first);
    expect(selectRows(store)).toBe(rows);
    store.getState().setRoles('mp', ['management-point', 'distribution-point']);
    expect(selectDerivation(store)).not.toBe(first);
  });

  it.each([
    ['0', /outside 1–65535/],
    ['65536', /outside 1–65535/],
    ['-1', /not a whole port/],
    ['abc', /not a whole port/],
    ['80.5', /not a whole port/],
  ])('refuses port %s and keeps the previous value', (input, message) => {
    const store = makeStore();
    const before = store.getState().settings;
    expect(text(store.getState().setPort('clientNotification', input))).toMatch(message);
    expect(store.getState().settings).toBe(before);
  });

  it('refuses a range whose low end is above its high end', () => {
    const store = makeStore();
    const before = store.getState().settings;
    expect(text(store.getState().setRange('rpcDynamic', '1000-999'))).toMatch(/above/);
    expect(store.getState().settings).toBe(before);
  });

  it('re-derives the matrix at once when a port setting changes', () => {
    const store = makeStore();
    const ports = () =>
      selectRows(store)
        .filter((r) => r.service === 'Client notification')
        .map((r) => r.port);
    expect(ports()).toContainEqual({
      kind: 'single',
      port: catalogue.portSettings.find((p) => p.key === 'clientNotification')?.default,
    });
    expect(store.getState().setPort('clientNotification', '10200')).toBeUndefined();
    expect(ports()).toEqual([{ kind: 'single', port: 10200 }]);
  });

  it('changes the WSUS pair together and refuses a pair against note 3', () => {
    const store = makeStore();
    expect(text(store.getState().setPort('wsusHttp', '80'))).toMatch(/443/);
    expect(store.getState().setWsusPorts('80', '443')).toBeUndefined();
    expect(store.getState().settings.ports).toMatchObject({ wsusHttp: 80, wsusHttps: 443 });
  });

  it('checks host fields: an invalid IP or site code is refused and the old value kept', () => {
    const store = makeStore();
    expect(store.getState().setHostField('mp', 'ip', '10.0.0.5')).toBeUndefined();
    expect(text(store.getState().setHostField('mp', 'ip', '10.0.0.256'))).toMatch(/not an IPv4/);
    expect(text(store.getState().setHostField('mp', 'site', 'P0001'))).toMatch(/site code/);
    expect(text(store.getState().setHostField('mp', 'name', '  '))).toMatch(/needs a name/);
    const mp = store.getState().hosts.find((h) => h.id === 'mp');
    expect(mp).toMatchObject({ ip: '10.0.0.5', name: 'P01-MP01' });
    expect(mp?.site).toBeUndefined();
    expect(store.getState().setHostField('mp', 'ip', '')).toBeUndefined();
    expect(store.getState().hosts.find((h) => h.id === 'mp')?.ip).toBeUndefined();
  });

  it('sets role options and clears them when switched off', () => {
    const store = makeStore(makeDocument([makeHost('dp', ['distribution-point'])]));
    store.getState().setHostOptions('dp', { pxe: true });
    expect(store.getState().hosts[0]?.options).toEqual({ pxe: true });
    store.getState().setHostOptions('dp', { pxe: false });
    expect(store.getState().hosts[0]?.options).toEqual({});
    expect(text(store.getState().setHostOptions('dp', { parentSite: 'toolong' }))).toMatch(/site code/);
  });

  it('copies hosts with the links among them and pastes them with fresh ids and names', () => {
    const store = makeStore();
    store.getState().select(['site', 'mp'], []);
    expect(store.getState().copySelection()).toBe(2);
    expect(store.getState().paste()).toBe(2);
    const { hosts, links, selectedHostIds } = store.getState();
    expect(hosts.map((h) => h.name)).toEqual(['P01-SITE', 'P01-MP01', 'Clients', 'P01-SITE 2', 'P01-MP02']);
    expect(new Set(hosts.map((h) => h.id)).size).toBe(5);
    expect(links).toHaveLength(3);
    const pasted = links[2];
    expect(selectedHostIds).toHaveLength(2);
    expect(selectedHostIds).toContain(pasted?.source);
    expect(selectedHostIds).toContain(pasted?.target);
  });

  it('adds a template beside the diagram without id or name clashes', () => {
    const template = templates[0];
    if (!template) throw new Error('no template');
    const result = restoreDocument(template.data, catalogue);
    if (!result.ok) throw new Error(text(result.error));
    const store = makeStore(result.document);
    store.getState().mergeDocument(result.document);
    const { hosts, links } = store.getState();
    expect(hosts).toHaveLength(result.document.hosts.length * 2);
    expect(new Set(hosts.map((h) => h.id)).size).toBe(hosts.length);
    expect(new Set(hosts.map((h) => h.name.toLowerCase())).size).toBe(hosts.length);
    expect(links).toHaveLength(result.document.links.length * 2);
    const reread = restoreDocument(toDocument(store.getState()), catalogue);
    expect(reread.ok && reread.problems).toEqual([]);
  });

  it('writes a document of the current version that restores without problems', () => {
    const store = makeStore();
    store.getState().renameDocument('Branch office');
    const doc = toDocument(store.getState());
    expect(doc).toMatchObject({ version: DOCUMENT_VERSION, name: 'Branch office' });
    const reread = restoreDocument(JSON.parse(JSON.stringify(doc)), catalogue);
    expect(reread.ok && reread.problems).toEqual([]);
  });

  it('keeps links that lose their shared rules and reports them as empty', () => {
    const store = makeStore(
      makeDocument(
        [makeHost('pc', ['client']), makeHost('mp', ['management-point'])],
        [makeLink('pc', 'mp', 'l1')],
      ),
    );
    expect(selectDerivation(store).emptyLinks).toEqual([]);
    store.getState().setRoles('mp', ['sql-server']);
    expect(selectDerivation(store).emptyLinks).toEqual(['l1']);
  });

  describe('drawing without surprises (issue 12)', () => {
    const overlap = (a: { x: number; y: number }, b: { x: number; y: number }) =>
      Math.abs(a.x - b.x) < HOST_BOX.width && Math.abs(a.y - b.y) < HOST_BOX.height;
    const noOverlaps = (layout: Readonly<Record<string, { x: number; y: number }>>) => {
      const spots = Object.values(layout);
      return spots.every((a, i) => spots.every((b, j) => i === j || !overlap(a, b)));
    };
    const key = (k: string) =>
      ({
        key: k,
        ctrlKey: true,
        metaKey: false,
        altKey: false,
        shiftKey: false,
        target: null,
        preventDefault() {},
      }) as unknown as KeyboardEvent;

    it('places clicked roles in free space near the centre of the view, never on other hosts', () => {
      const store = makeStore(makeDocument([makeHost('a', ['client'])]));
      store.getState().setViewCenter({ x: 84, y: 30 });
      for (let i = 0; i < 5; i += 1) store.getState().addHost('client');
      const { layout } = store.getState();
      expect(Object.keys(layout)).toHaveLength(6);
      expect(noOverlaps(layout)).toBe(true);
      for (const p of Object.values(layout)) expect(Math.hypot(p.x, p.y)).toBeLessThan(600);
    });

    it('pastes in free space near the centre of the view, with new names and no IP address or FQDN', () => {
      const store = makeStore(
        makeDocument([
          makeHost('mp', ['management-point'], { name: 'MP01', ip: '10.0.0.5', fqdn: 'mp01.corp' }),
        ]),
      );
      store.getState().setViewCenter({ x: 84, y: 30 });
      store.getState().select(['mp'], []);
      store.getState().copySelection();
      store.getState().paste();
      store.getState().paste();
      const { hosts, layout } = store.getState();
      expect(hosts.map((h) => h.name)).toEqual(['MP01', 'MP02', 'MP03']);
      expect(hosts.slice(1).map((h) => [h.ip, h.fqdn])).toEqual([
        [undefined, undefined],
        [undefined, undefined],
      ]);
      expect(noOverlaps(layout)).toBe(true);
    });

    it('selects every host with Ctrl+A and duplicates the selection with Ctrl+D beside it, as one undo step', () => {
      const store = makeStore(
        makeDocument([
          makeHost('mp', ['management-point'], { name: 'MP01', ip: '10.0.0.5', fqdn: 'mp01.corp' }),
        ]),
      );
      expect(handleShortcut(store, key('a'))).toBe(true);
      expect(store.getState().selectedHostIds).toEqual(['mp']);
      expect(handleShortcut(store, key('d'))).toBe(true);
      const { hosts, layout, selectedHostIds, clipboard } = store.getState();
      expect(hosts.map((h) => h.name)).toEqual(['MP01', 'MP02']);
      expect(hosts[1]?.ip).toBeUndefined();
      expect(hosts[1]?.fqdn).toBeUndefined();
      expect(selectedHostIds).toEqual([hosts[1]?.id]);
      expect(clipboard).toBeNull();
      expect(noOverlaps(layout)).toBe(true);
      const mp = layout.mp as { x: number; y: number };
      const copy = layout[hosts[1]?.id as string] as { x: number; y: number };
      expect(Math.hypot(copy.x - mp.x, copy.y - mp.y)).toBeLessThan(300);
      store.getState().undo();
      expect(store.getState().hosts).toHaveLength(1);
      expect(makeStore(makeDocument([])).getState().duplicateSelection()).toBe(0);
    });
  });
});
