import fc from 'fast-check';
import { hasRepeatedPair, numberIn, numberInBytes, PairSet } from '@/domain/pair-set';

describe('PairSet', () => {
  it('adds each number once and answers membership like a Set, through growth', () => {
    const set = new PairSet(4);
    const reference = new Set<number>();
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let i = 0; i < 20_000; i += 1) {
      // Small numbers, numbers above 2^32 and repeats all occur.
      const n = i % 3 === 0 ? next() % 500 : i % 3 === 1 ? next() * 1000 + (i % 7) : next();
      expect(set.add(n)).toBe(!reference.has(n));
      reference.add(n);
    }
    expect(set.size).toBe(reference.size);
    for (const n of reference) expect(set.has(n)).toBe(true);
    for (const n of [1, 2 ** 40 + 3, 123_456_789_012]) expect(set.has(n)).toBe(reference.has(n));
  });

  it('holds 0', () => {
    const set = new PairSet();
    expect(set.has(0)).toBe(false);
    expect(set.add(0)).toBe(true);
    expect(set.add(0)).toBe(false);
    expect(set.has(0)).toBe(true);
  });
});

describe('the number of a numbered id, from its text and from its bytes', () => {
  it('is the same rule both ways', () => {
    const id = fc.oneof(
      fc.constantFrom(
        'l1',
        'l0',
        'l01',
        'l',
        'x1',
        'l1a',
        'l-1',
        `l${'9'.repeat(15)}`,
        `l1${'0'.repeat(15)}`,
      ),
      fc.stringMatching(/^[lL]?[0-9]{0,17}$/),
      fc.stringMatching(/^[A-Za-z0-9_.:-]{0,6}$/),
    );
    fc.assert(
      fc.property(id, fc.constantFrom('l', 'lk', ''), (text, prefix) => {
        const bytes = new TextEncoder().encode(`"${text}"`);
        expect(numberInBytes(bytes, 1, text.length, prefix)).toBe(numberIn(text, prefix));
      }),
      { numRuns: 2000 },
    );
    expect(numberIn('l408401', 'l')).toBe(408401);
    expect(numberIn('l01', 'l')).toBe(-1);
  });
});

describe('hasRepeatedPair', () => {
  it('finds a pair given twice, either way round, and nothing in distinct pairs', () => {
    expect(hasRepeatedPair(Int32Array.of(0, 1, 1, 0), 2)).toBe(true);
    expect(hasRepeatedPair(Int32Array.of(2, 0, 1, 2, 2, 0), 3)).toBe(true);
    expect(hasRepeatedPair(Int32Array.of(0, 1, 1, 2, 2, 0), 3)).toBe(false);
    expect(hasRepeatedPair(new Int32Array(0), 0)).toBe(false);
  });

  it('answers as a set of unordered pairs does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }).chain((count) =>
          fc.tuple(
            fc.constant(count),
            fc.array(
              fc.tuple(fc.nat(count - 1), fc.nat(count - 1)).filter(([a, b]) => a !== b),
              { maxLength: 120 },
            ),
          ),
        ),
        ([count, pairs]) => {
          const seen = new Set(pairs.map(([a, b]) => `${Math.min(a, b)},${Math.max(a, b)}`));
          expect(hasRepeatedPair(Int32Array.from(pairs.flat()), count)).toBe(seen.size < pairs.length);
        },
      ),
      { seed: 18, numRuns: 400 },
    );
  });
});
