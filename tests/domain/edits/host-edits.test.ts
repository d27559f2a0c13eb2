import { runChecks } from '@/domain/checks/run-checks';
import { catalogue } from '@/domain/default-catalogue';
import {
  addHost,
  addLinks,
  addRole,
  connectHosts,
  removeElements,
  spotForNewHost,
  updateHost,
} from '@/domain/edits/host-edits';
import { hostIdPrefix, idSeries, nextId } from '@/domain/edits/ids';
import { layoutBounds } from '@/domain/edits/layout-bounds';
import { makeDocument, makeHost, makeLink } from '../../builders';
import { english, german } from '../../support/words';

const role = (id: string) => {
  const found = catalogue.roleById.get(id);
  if (!found) throw new Error(`no role ${id}`);
  return found;
};

describe('new ids', () => {
  it('continue one above the highest number of their series and skip ids in use', () => {
    const next = idSeries('l', ['l1', 'l7', 'x9', 'l07x']);
    expect([next(), next()]).toEqual(['l8', 'l9']);
    expect(nextId('h', ['h1', 'h2', 'site'])).toBe('h3');
    expect(nextId('dc-', ['dc'])).toBe('dc-1');
    expect(nextId('l', ['l99999999999999999999', 'l2'])).toBe('l3');
  });

  it('take a host id series from the role badge', () => {
    expect(hostIdPrefix('SQL')).toBe('sql-');
    expect(hostIdPrefix('C&C')).toBe('c-c-');
    expect(hostIdPrefix('**')).toBe('host-');
  });
});

describe('adding a host', () => {
  it('names it from the role badge with a new id, at the position given', () => {
    const doc = makeDocument([makeHost('a', ['client'], { name: 'MP01' })]);
    const { doc: next, id } = addHost(doc, { role: role('management-point'), position: { x: 5, y: 6 } });
    expect(next.hosts.at(-1)).toEqual({ id, name: 'MP02', roles: ['management-point'], options: {} });
    expect(id).toBe('h1');
    expect(next.layout[id]).toEqual({ x: 5, y: 6 });
    expect(doc.hosts).toHaveLength(1);
  });

  it('next to "MP 01" names a new management point "MP02", so the duplicate-name check stays quiet', () => {
    const doc = makeDocument([makeHost('a', ['management-point'], { name: 'MP 01', site: 'P01' })]);
    const { doc: next } = addHost(doc, { role: role('management-point'), position: { x: 0, y: 300 } });
    expect(next.hosts.at(-1)?.name).toBe('MP02');
    expect(runChecks(next, catalogue).filter((f) => f.check === 'duplicate-host-name')).toEqual([]);
  });

  it('takes a wanted name, site, zone and id series', () => {
    const doc = makeDocument([makeHost('a', [], { name: 'P01-SQL01' })]);
    const { doc: next, id } = addHost(doc, {
      role: role('sql-server'),
      position: { x: 0, y: 0 },
      name: ' P01-SQL01 ',
      site: 'P01',
      zone: 'dc',
      idPrefix: 'sql-',
    });
    expect(next.hosts.at(-1)).toEqual({
      id: 'sql-1',
      name: 'P01-SQL02',
      site: 'P01',
      zone: 'dc',
      roles: ['sql-server'],
      options: {},
    });
    expect(id).toBe('sql-1');
  });
});

describe('changing a host', () => {
  it('returns the same document when nothing changes', () => {
    const doc = makeDocument([makeHost('mp', ['management-point'])]);
    expect(updateHost(doc, 'gone', (h) => ({ ...h, name: 'x' }))).toBe(doc);
    expect(updateHost(doc, 'mp', (h) => h)).toBe(doc);
    expect(addRole(doc, 'mp', 'management-point')).toBe(doc);
    expect(addRole(doc, 'mp', 'distribution-point').hosts[0]?.roles).toEqual([
      'management-point',
      'distribution-point',
    ]);
  });
});

describe('links', () => {
  it('are added once per pair, never to the same host, continuing the id series', () => {
    const doc = makeDocument([makeHost('a'), makeHost('b'), makeHost('c')], [makeLink('a', 'c', 'l4')]);
    const added = addLinks(doc, [
      ['a', 'b'],
      ['b', 'a'],
      ['a', 'a'],
      ['c', 'a'],
      ['b', 'c'],
    ]);
    expect(added.ids).toEqual(['l5', 'l6']);
    expect(added.doc.links.slice(1)).toEqual([
      { id: 'l5', source: 'a', target: 'b' },
      { id: 'l6', source: 'b', target: 'c' },
    ]);
    expect(addLinks(doc, [['c', 'a']]).doc).toBe(doc);
  });

  it('are drawn between hosts that share a rule, and refused with a reason otherwise', () => {
    const doc = makeDocument([
      makeHost('pc', ['client'], { name: 'PC01' }),
      makeHost('sql', ['sql-server'], { name: 'SQL01' }),
      makeHost('mp', ['management-point'], { name: 'MP01' }),
    ]);
    // The reason in the words the user reads.
    const connect = (d: typeof doc, source: string, target: string) => {
      const result = connectHosts(d, source, target, catalogue);
      return result.ok ? result : { ok: false, reason: english(result.reason) };
    };
    const refused = connect(doc, 'pc', 'sql');
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.reason).toMatch(/^No link drawn: PC01 \(.+\) and SQL01 \(.+\) share no rule/);
    expect(connect(doc, 'pc', 'gone')).toEqual({
      ok: false,
      reason: expect.stringMatching(/Both ends/),
    });
    expect(connect(doc, 'pc', 'pc')).toEqual({
      ok: false,
      reason: expect.stringMatching(/itself/),
    });
    const drawn = connectHosts(doc, 'pc', 'mp', catalogue);
    expect(drawn).toMatchObject({ ok: true, id: 'l1' });
    // The same document addLinks makes for the pair.
    const added = addLinks(doc, [['pc', 'mp']]);
    if (drawn.ok) expect(drawn.doc).toEqual(added.doc);
    if (drawn.ok) {
      expect(connect(drawn.doc, 'mp', 'pc')).toEqual({
        ok: false,
        reason: 'MP01 and PC01 are already linked.',
      });
    }
    // In German, with the roles named as the German edition does.
    if (!refused.ok) {
      const why = connectHosts(doc, 'pc', 'sql', catalogue);
      expect(!why.ok && german(why.reason)).toMatch(
        /^Keine Verbindung gezeichnet: PC01 \(Client\) und SQL01 \(.+\) haben keine gemeinsame Firewallregel im Portdokument/,
      );
    }
  });
});

describe('removing', () => {
  it('takes hosts with their links and positions, and links', () => {
    const doc = makeDocument(
      [makeHost('a'), makeHost('b'), makeHost('c')],
      [makeLink('a', 'b', 'l1'), makeLink('b', 'c', 'l2'), makeLink('a', 'c', 'l3')],
    );
    const next = removeElements(doc, ['b'], ['l3']);
    expect(next.hosts.map((h) => h.id)).toEqual(['a', 'c']);
    expect(next.links).toEqual([]);
    expect(Object.keys(next.layout)).toEqual(['a', 'c']);
    expect(removeElements(doc, [], [])).toBe(doc);
  });
});

describe('a spot for a host added for others', () => {
  it('is beside the hosts it links to, off every host', () => {
    const layout = { a: { x: 0, y: 0 }, b: { x: 200, y: 120 } };
    expect(spotForNewHost(layout, ['a'])).toEqual({ x: 200, y: 260 });
  });

  it('is right of everything, at the top, when it links to nothing placed', () => {
    const layout = { a: { x: 0, y: 50 }, b: { x: 480, y: -20 } };
    expect(spotForNewHost(layout, ['unplaced'])).toEqual({ x: 720, y: -20 });
    expect(spotForNewHost({}, [])).toEqual({ x: 0, y: 0 });
  });

  it('copes with a layout too large to spread into Math.max', () => {
    const layout: Record<string, { x: number; y: number }> = {};
    for (let i = 0; i < 200_000; i += 1) layout[`h${i}`] = { x: i, y: 100 - i };
    expect(layoutBounds(layout)).toEqual({ minX: 0, minY: -199_899, maxX: 199_999, maxY: 100 });
    expect(spotForNewHost(layout, [])).toEqual({ x: 199_999 + 240, y: -199_899 });
  });
});
