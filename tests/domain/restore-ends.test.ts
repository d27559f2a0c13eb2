/**
 * Restore gives the places of the restored links' ends in the restored host list when asked
 * (`readDocumentTextWithEnds`): the parse worker sends them instead of looking every end up again.
 */
import { catalogue } from '@/domain/default-catalogue';
import type { TopologyDocument } from '@/domain/document';
import { readDocumentText, readDocumentTextWithEnds } from '@/domain/restore';
import { seededRandom } from '../support/random';
import { doc } from '../support/restore';

/** Each link's ends, as places found by looking its ids up in the host list. */
function placesByLookup(document: TopologyDocument): number[] {
  const place = new Map(document.hosts.map((host, i) => [host.id, i]));
  return document.links.flatMap((link) => [place.get(link.source) ?? -1, place.get(link.target) ?? -1]);
}

describe('the places of the restored links’ ends', () => {
  it('name each kept link’s source and target, past dropped hosts and dropped, repeated and renamed links', () => {
    const text = JSON.stringify(
      doc({
        hosts: [
          { id: 'a', name: 'A', roles: ['client'] },
          { id: 'b', name: 'B', roles: ['management-point'] },
          'not a host',
          { id: 'c', name: 'C', roles: [] },
        ],
        links: [
          { id: 'l1', source: 'a', target: 'b' },
          { id: 'l2', source: 'a', target: 'gone' },
          { id: 'l3', source: 'b', target: 'b' },
          { id: 'l4', source: 'b', target: 'a' },
          { id: 'l1', source: 'c', target: 'b', label: 'renamed id' },
          7,
          { source: 'a', target: 'c', inferred: true },
        ],
      }),
    );
    const { result, linkEnds } = readDocumentTextWithEnds(text, catalogue);
    if (!result.ok) throw new Error('refused');
    expect(result.document.links.map((l) => [l.source, l.target])).toEqual([
      ['a', 'b'],
      ['c', 'b'],
      ['a', 'c'],
    ]);
    expect([...(linkEnds ?? [])]).toEqual(placesByLookup(result.document));
    // The same result as reading without them.
    expect(result).toStrictEqual(readDocumentText(text, catalogue));
  });

  it('match a lookup in random estates, and are absent beside a refusal', () => {
    const random = seededRandom(11);
    for (let round = 0; round < 20; round += 1) {
      const ids = Array.from({ length: 2 + random(30) }, (_, i) => (random(3) === 0 ? `x${i}` : `h${i}`));
      const hosts = ids.map((id) => ({ id, name: id, roles: [] }));
      const links = Array.from({ length: random(60) }, (_, i) => ({
        id: random(4) === 0 ? `l${random(5)}` : `l${i + 1}`,
        source: random(10) === 0 ? 'nobody' : ids[random(ids.length)],
        target: ids[random(ids.length)],
      }));
      const text = JSON.stringify(doc({ hosts, links }));
      const { result, linkEnds } = readDocumentTextWithEnds(text, catalogue);
      if (!result.ok) throw new Error('refused');
      expect([...(linkEnds ?? [])]).toEqual(placesByLookup(result.document));
    }
    const refused = readDocumentTextWithEnds('{"format": "other"}', catalogue);
    expect(refused.result.ok).toBe(false);
    expect(refused.linkEnds).toBeUndefined();
  });
});
