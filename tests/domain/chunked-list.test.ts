import { describe, expect, it } from 'vitest';
import { ChunkedList } from '@/domain/chunked-list';
import { seededRandom } from '../support/random';

describe('a chunked list (issue 18)', () => {
  it('reads like the plain list it stands for, version after version, each left as it was', () => {
    const next = seededRandom(5);
    let plain = Array.from({ length: 2_500 }, (_, i) => `e${i}`);
    let list = ChunkedList.from(plain.length, (i) => plain[i]!);
    const versions: { plain: string[]; list: ChunkedList<string> }[] = [{ plain, list }];
    for (let step = 0; step < 60; step += 1) {
      const grow = next(3) === 0 ? next(1_500) : 0;
      const length = plain.length + grow;
      const positions = Array.from({ length: next(6) }, () => next(plain.length));
      for (let i = plain.length; i < length; i += 1) positions.push(i);
      const make = (i: number) => `s${step}-${i}`;
      const want = Array.from({ length }, (_, i) => (positions.includes(i) ? make(i) : plain[i]!));
      list = list.with(length, positions, make);
      plain = want;
      versions.push({ plain, list });
    }
    for (const v of versions) {
      expect(v.list.length).toBe(v.plain.length);
      expect([...v.list]).toEqual(v.plain);
      for (let k = 0; k < 50; k += 1) {
        const i = next(v.plain.length);
        expect(v.list.at(i)).toBe(v.plain[i]);
      }
      expect(v.list.at(v.plain.length)).toBeUndefined();
      expect(v.list.at(-1)).toBeUndefined();
    }
  });

  it('refuses to shrink or to make a position outside the new length', () => {
    const list = ChunkedList.from(3, (i) => i);
    expect(() => list.with(2, [], (i) => i)).toThrow(/cannot shrink/);
    expect(() => list.with(4, [4], (i) => i)).toThrow(/position 4 outside/);
  });
});
