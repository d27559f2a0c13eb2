/**
 * Ids read from a file's bytes, numbered once each (issue 18): the numbers are the order in which
 * each distinct id was first seen, as a map from id to number would give them, however many.
 */
import fc from 'fast-check';
import { ByteIds } from '@/domain/byte-ids';

/** The ids of `text` (split at spaces) numbered by ByteIds, and by a map. */
function numbered(words: readonly string[]) {
  const text = words.join(' ');
  const bytes = new TextEncoder().encode(text);
  const ids = new ByteIds();
  const byMap = new Map<string, number>();
  const numbers: number[] = [];
  const expected: number[] = [];
  let at = 0;
  for (const word of words) {
    numbers.push(ids.number(bytes, at, word.length));
    if (!byMap.has(word)) byMap.set(word, byMap.size);
    expected.push(byMap.get(word)!);
    at += word.length + 1;
  }
  return { ids, numbers, expected, text, distinct: [...byMap.keys()] };
}

describe('numbering the ids in a file’s bytes', () => {
  it('gives each distinct id one number, in the order first seen, and keeps its bytes', () => {
    const { ids, numbers } = numbered(['cas', 'x_y', 'cas', 'P00-h1', 'x_y']);
    expect(numbers).toEqual([0, 1, 0, 2, 1]);
    expect(ids.count).toBe(3);
    const decoder = new TextDecoder();
    const kept = (n: number) =>
      decoder.decode(ids.text.subarray(ids.starts[n]!, ids.starts[n]! + ids.lengths[n]!));
    expect([0, 1, 2].map(kept)).toEqual(['cas', 'x_y', 'P00-h1']);
  });

  it('keeps them apart when one is the start of another, or only the length differs', () => {
    expect(numbered(['l1', 'l10', 'l1', 'l', 'l10']).numbers).toEqual([0, 1, 0, 2, 1]);
  });

  it('numbers as a map does, past its first room and every growth (30,000 ids, each seen twice)', () => {
    const words = Array.from({ length: 30_000 }, (_, i) => `P${i % 7}-h${i}`);
    const { ids, numbers, expected, distinct } = numbered([...words, ...words.slice().reverse()]);
    expect(numbers).toEqual(expected);
    expect(ids.count).toBe(30_000);
    const last = ids.count - 1;
    const kept = ids.text.subarray(ids.starts[last]!, ids.starts[last]! + ids.lengths[last]!);
    expect(new TextDecoder().decode(kept)).toBe(distinct[last]);
  });

  it('numbers any ids as a map does', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-c0-9_.-]{1,4}$/), { maxLength: 300 }), (words) => {
        const { numbers, expected } = numbered(words);
        expect(numbers).toEqual(expected);
      }),
      { seed: 18, numRuns: 200 },
    );
  });
});
