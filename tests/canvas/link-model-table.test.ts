import { describe, expect, it } from 'vitest';
import type { LinkModel } from '@/canvas/link-model';
import { LinkModelTable, LinkPositions } from '@/canvas/link-model-table';
import { ChunkedList } from '@/domain/chunked-list';
import type { Link } from '@/domain/document';

const link = (n: number): Link => ({ id: `l${n}`, source: `h${n}`, target: `h${n + 1}` });
const model = (n: number) => ({ flowCount: n }) as unknown as LinkModel;

describe('link model tables sharing positions (issue 18)', () => {
  it('finds every link of each version by id, whichever version asks first', () => {
    const older = [link(1), link(2)];
    const newer = [...older, link(3), link(4)];
    for (const newerFirst of [false, true]) {
      const positions = new LinkPositions();
      const a = new LinkModelTable(
        older,
        ChunkedList.from(older.length, (i) => model(i)),
        positions,
      );
      const b = new LinkModelTable(
        newer,
        ChunkedList.from(newer.length, (i) => model(10 + i)),
        positions,
      );
      if (newerFirst) expect(b.get('l4')).toEqual(model(13));
      expect(a.get('l2')).toEqual(model(1));
      // A link the older version does not have is not in it, though the positions know it.
      expect(a.get('l3')).toBeUndefined();
      expect(a.has('l4')).toBe(false);
      expect(b.get('l3')).toEqual(model(12));
      expect(b.get('l1')).toEqual(model(10));
      expect(b.get('l9')).toBeUndefined();
      expect([...b.keys()]).toEqual(['l1', 'l2', 'l3', 'l4']);
    }
  });
});
