import hierarchy from '@data/examples/hierarchy.json';
import { catalogue } from '@/domain/default-catalogue';
import type { TopologyDocument } from '@/domain/document';
import { placedByRestore, setPositions } from '@/domain/edits/layout-edits';
import { restoreDocument } from '@/domain/restore';
import { makeDocument, makeHost } from '../../builders';

const restored = (data: unknown): TopologyDocument => {
  const result = restoreDocument(data, catalogue);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.document;
};

describe('setting positions', () => {
  const doc = makeDocument([makeHost('a'), makeHost('b'), makeHost('c')]);

  it('moves the named hosts to whole-pixel positions and leaves the others where they were', () => {
    const next = setPositions(doc, { a: { x: 10.4, y: -20.6 }, b: { x: 300, y: 400 } });
    expect(next.layout).toEqual({ a: { x: 10, y: -21 }, b: { x: 300, y: 400 }, c: doc.layout.c });
    expect(next.hosts).toBe(doc.hosts);
    expect(next.links).toBe(doc.links);
    expect(doc.layout.a).toEqual({ x: 0, y: 0 });
  });

  it('ignores ids that name no host and positions that are not finite numbers', () => {
    const next = setPositions(doc, {
      gone: { x: 1, y: 1 },
      a: { x: Number.NaN, y: 5 },
      b: { x: Number.POSITIVE_INFINITY, y: 0 },
      c: { x: 7, y: 8 },
    });
    expect(Object.keys(next.layout).sort()).toEqual(['a', 'b', 'c']);
    expect(next.layout.a).toBe(doc.layout.a);
    expect(next.layout.b).toBe(doc.layout.b);
    expect(next.layout.c).toEqual({ x: 7, y: 8 });
  });

  it('returns the same document when no host moves', () => {
    expect(setPositions(doc, {})).toBe(doc);
    expect(setPositions(doc, { a: { x: 0.2, y: -0.3 } })).toBe(doc);
    expect(setPositions(doc, { ...doc.layout })).toBe(doc);
  });

  it('keeps the envelope and whatever else the document carries', () => {
    const next = setPositions(doc, { a: { x: 1, y: 2 } });
    expect(next.format).toBe(doc.format);
    expect(next.settings).toBe(doc.settings);
    expect(next.zones).toBe(doc.zones);
  });
});

describe('a document without a layout', () => {
  it('is recognised after restore placed its hosts on the fallback grid', () => {
    const { layout: _layout, ...bare } = hierarchy;
    expect(placedByRestore(restored(bare))).toBe(true);
    expect(placedByRestore(restored({ ...hierarchy, layout: {} }))).toBe(true);
  });

  it('is not one whose author placed the hosts, or that has no hosts', () => {
    expect(placedByRestore(restored(hierarchy))).toBe(false);
    expect(placedByRestore(makeDocument([makeHost('a'), makeHost('b')]))).toBe(false);
    expect(placedByRestore(makeDocument())).toBe(false);
  });

  it('is not one where a single host was placed by hand', () => {
    const { layout: _layout, ...bare } = hierarchy;
    const doc = restored(bare);
    const first = doc.hosts[0]!.id;
    expect(placedByRestore(setPositions(doc, { [first]: { x: 33, y: 44 } }))).toBe(false);
  });
});
