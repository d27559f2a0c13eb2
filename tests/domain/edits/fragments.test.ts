import { copyFragment, MERGE_GAP, mergeDocument, pasteFragment } from '@/domain/edits/fragments';
import { makeDocument, makeHost, makeLink } from '../../builders';

const office = () =>
  makeDocument(
    [
      makeHost('site', ['site-server'], { name: 'P01-SITE', zone: 'dc' }),
      makeHost('mp', ['management-point'], { name: 'MP 01', zone: 'dc' }),
      makeHost('pc', ['client'], { name: 'Clients' }),
    ],
    [makeLink('mp', 'site', 'l1'), makeLink('pc', 'mp', 'l2')],
    { zones: [{ id: 'dc', name: 'Datacenter' }] },
  );

describe('copy and paste', () => {
  it('copies hosts with the links among them only', () => {
    const fragment = copyFragment(office(), ['site', 'mp', 'gone']);
    expect(fragment?.hosts.map((h) => h.id)).toEqual(['site', 'mp']);
    expect(fragment?.links.map((l) => l.id)).toEqual(['l1']);
    expect(fragment?.layout).toEqual({ site: { x: 0, y: 0 }, mp: { x: 240, y: 0 } });
    expect(copyFragment(office(), ['gone'])).toBeNull();
  });

  it('pastes with fresh ids and names free by the one "same name" rule, moved by the offset', () => {
    const doc = office();
    const fragment = copyFragment(doc, ['site', 'mp'])!;
    const pasted = pasteFragment(doc, fragment, { x: 40, y: 40 });
    expect(pasted.hostIds).toEqual(['h1', 'h2']);
    expect(pasted.linkIds).toEqual(['l3']);
    expect(pasted.doc.hosts.slice(3).map((h) => h.name)).toEqual(['P01-SITE 2', 'MP 02']);
    expect(pasted.doc.links.at(-1)).toEqual({ id: 'l3', source: 'h2', target: 'h1' });
    expect(pasted.doc.layout.h2).toEqual({ x: 280, y: 40 });
    expect(pasted.doc.hosts.at(-1)?.zone).toBe('dc');
  });

  it('drops zones the document lacks from pasted hosts', () => {
    const fragment = copyFragment(office(), ['mp'])!;
    const pasted = pasteFragment(makeDocument([]), fragment, { x: 0, y: 0 });
    expect(pasted.doc.hosts[0]).toEqual({
      id: 'h1',
      name: 'MP 01',
      roles: ['management-point'],
      options: {},
    });
  });
});

describe('adding a document', () => {
  it('places it right of the diagram, reuses zones by name and keeps ids and names unique', () => {
    const doc = office();
    const addition = makeDocument(
      [makeHost('mp', ['management-point'], { name: 'mp01', zone: 'z' }), makeHost('x', [], { zone: 'dmz' })],
      [makeLink('mp', 'x', 'l1')],
      {
        zones: [
          { id: 'z', name: 'DataCenter' },
          { id: 'dmz', name: 'DMZ', parent: 'z' },
        ],
      },
    );
    const merged = mergeDocument(doc, addition);
    expect(merged.hostIds).toEqual(['h1', 'h2']);
    const [mp, x] = merged.doc.hosts.slice(3);
    expect(mp).toMatchObject({ name: 'mp02', zone: 'dc' });
    expect(x).toMatchObject({ zone: 'dmz' });
    expect(merged.doc.zones).toEqual([
      { id: 'dc', name: 'Datacenter' },
      { id: 'dmz', name: 'DMZ', parent: 'dc' },
    ]);
    expect(merged.doc.layout.h1).toEqual({ x: 480 + MERGE_GAP, y: 0 });
    expect(merged.doc.links.at(-1)).toEqual({ id: 'l3', source: 'h1', target: 'h2' });
    expect(merged.doc.settings).toBe(doc.settings);
  });

  it('gives a clashing zone a fresh id', () => {
    const doc = office();
    const addition = makeDocument([makeHost('a', [], { zone: 'dc' })], [], {
      zones: [{ id: 'dc', name: 'Branch' }],
    });
    const merged = mergeDocument(doc, addition);
    expect(merged.doc.zones.at(-1)).toEqual({ id: 'dc-1', name: 'Branch' });
    expect(merged.doc.hosts.at(-1)?.zone).toBe('dc-1');
  });
});
