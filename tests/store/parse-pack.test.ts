/**
 * The parse worker posts a restored document packed (issue 18): what the page unpacks is equal to
 * what restore made, key for key and in the same order, after a structured clone that transfers
 * the buffers as the worker's postMessage does; anything restore would not make goes as it is.
 */
import { catalogue } from '@/domain/default-catalogue';
import type { Position, TopologyDocument } from '@/domain/document';
import {
  readDocumentText,
  readDocumentTextWithEnds,
  restoreDocument,
  serializeDocument,
} from '@/domain/restore';
import { packResult } from '@/store/parse-pack';
import { unpackResult } from '@/store/parse-unpack';
import { makeDocument, makeHost } from '../builders';
import { doc } from '../support/restore';

/** Packs, posts (a structured clone transferring the buffers) and unpacks, as worker and page do. */
function postAndRead(result: ReturnType<typeof readDocumentText>, linkEnds?: Int32Array) {
  const { result: packed, transfer } = packResult(result, linkEnds);
  return { packed, read: unpackResult(structuredClone(packed, { transfer })) };
}

/** The same values, and the same keys in the same order everywhere (as a saved file shows them). */
function expectSame(read: unknown, made: unknown) {
  expect(read).toStrictEqual(made);
  expect(JSON.stringify(read)).toBe(JSON.stringify(made));
}

describe('the restored document the worker posts', () => {
  it('reads back equal, with labels, inferred links, numeric ids, zones and report lines', () => {
    const raw = doc({
      hosts: [
        { id: 'b', name: 'B', roles: ['client'], ip: ' 10.0.0.1 ', zone: 'z1' },
        { id: '42', name: 'Forty-two', roles: ['management-point'], options: { pxe: true, sqlPort: 1433 } },
        { id: 'a', name: 'A', roles: ['nope'], site: 'P01', notes: 'n' },
      ],
      links: [
        { id: 'l1', source: 'b', target: '42', label: 'uplink' },
        { id: 'l1', source: 'a', target: 'b', inferred: true },
        { source: '42', target: 'a' },
        { id: 'x', source: 'a', target: 'missing' },
      ],
      zones: [{ id: 'z1', name: 'DMZ', box: { x: -0.2, y: 1, width: 10, height: 10 } }],
      layout: { b: { x: 1.5, y: -2 }, 42: { x: 1e12, y: 0 } },
    });
    const made = restoreDocument(raw, catalogue);
    if (!made.ok) throw new Error('refused');
    expect(made.problems.length).toBeGreaterThan(0);
    const { packed, read } = postAndRead(made);
    expect('packed' in packed).toBe(true);
    expectSame(read, made);
  });

  it('reads back a migrated file and a bigger estate equal', () => {
    const hosts = Array.from({ length: 300 }, (_, i) =>
      makeHost(`h${i}`, ['client'], { ip: `10.0.1.${i % 250}` }),
    );
    const links = hosts.slice(1).map((h, i) => [h.id, `h${i - (i % 10)}`] as const);
    const text = serializeDocument(makeDocument(hosts, links, { name: 'Estate' }));
    const made = readDocumentText(text, catalogue);
    if (!made.ok) throw new Error('refused');
    expectSame(postAndRead(made).read, made);
    // With the places restore gives of the links' ends, as the worker packs it: the same document.
    const withEnds = readDocumentTextWithEnds(text, catalogue);
    expect(withEnds.linkEnds).toBeDefined();
    expectSame(postAndRead(withEnds.result, withEnds.linkEnds).read, made);
    // Places of another length (not this document's) are not used.
    expectSame(postAndRead(made, new Int32Array(2)).read, made);
    const old = restoreDocument({ ...JSON.parse(text), version: 1 }, catalogue);
    if (!old.ok) throw new Error('refused');
    expect(old.migratedFrom).toBe(1);
    expectSame(postAndRead(old).read, old);
  });

  it('posts a refusal, and a document restore would not make, as they are', () => {
    const refused = readDocumentText('', catalogue);
    expect(postAndRead(refused).read).toEqual(refused);
    const base = makeDocument([makeHost('a'), makeHost('b')], [['a', 'b']]);
    const odd: TopologyDocument[] = [
      { ...base, links: [{ id: 'l', source: 'a', target: 'gone' }] },
      { ...base, layout: { a: { x: 0, y: 0 } } },
      { ...base, layout: { ...base.layout, b: { y: 0, x: 0 } } },
      { ...base, layout: { ...base.layout, b: { x: 0, y: 0, z: 1 } as Position } },
      { ...base, layout: { ...base.layout, b: { x: 0 } as Position } },
      { ...base, layout: { ...base.layout, b: Object.assign(Object.create({ y: 0 }), { x: 0 }) } },
      { ...base, links: [{ ...base.links[0]!, colour: 'red' } as TopologyDocument['links'][number]] },
    ];
    for (const document of odd) {
      const result = { ok: true as const, document, problems: [] };
      const { packed, read } = postAndRead(result);
      expect('packed' in packed).toBe(false);
      expectSame(read, result);
    }
  });
});
