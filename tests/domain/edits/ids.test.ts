import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostIdPrefix, idSeries, idSeriesOf, nextId } from '@/domain/edits/ids';

/** The implementation before issue 18 (a set of every id and a regex per id), kept to compare. */
function oldIdSeries(prefix: string, existing: Iterable<string>): () => string {
  const taken = new Set(existing);
  let n = 0;
  for (const id of taken) {
    if (!id.startsWith(prefix)) continue;
    const digits = id.slice(prefix.length);
    if (!/^\d+$/.test(digits)) continue;
    const value = Number(digits);
    if (Number.isSafeInteger(value) && value > n) n = value;
  }
  return () => {
    n += 1;
    while (taken.has(`${prefix}${n}`)) n += 1;
    const id = `${prefix}${n}`;
    taken.add(id);
    return id;
  };
}

const prefixes = ['l', 'h', 'sql-', 'z1-', 'x', ''];
/**
 * Ids near the edges the series must get right: plain numbers, leading zeros, numbers too large to
 * count on, digits of other scripts, signs and spaces. (Both implementations loop forever once the
 * series passes 2 ** 53, so no id of a series comes that close.)
 */
const id = fc.oneof(
  fc.tuple(fc.constantFrom(...prefixes), fc.nat({ max: 60 })).map(([p, n]) => `${p}${n}`),
  fc
    .tuple(fc.constantFrom(...prefixes), fc.stringMatching(/^0{0,12}[0-9]{1,14}$/))
    .map(([p, d]) => `${p}${d}`),
  fc
    .tuple(
      fc.constantFrom(...prefixes),
      fc.constantFrom(
        '90071992547409930',
        '123456789012345678901',
        '1e+21',
        '٣',
        ' 1',
        '1 ',
        '-1',
        '+2',
        '0x10',
        '1.5',
      ),
    )
    .map(([p, d]) => `${p}${d}`),
  fc.string({ maxLength: 6 }),
);

describe('idSeries', () => {
  it('hands out the same ids as the implementation with a set and a regex, for any ids taken', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...prefixes),
        fc.array(id, { maxLength: 40 }),
        fc.nat({ max: 5 }),
        (prefix, taken, count) => {
          const next = idSeries(prefix, taken);
          const old = oldIdSeries(prefix, taken);
          for (let i = 0; i <= count; i += 1) expect(next()).toBe(old());
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('hands out the same ids over the ids of items (idSeriesOf) as over the ids themselves', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...prefixes),
        fc.array(id, { maxLength: 40 }),
        fc.nat({ max: 5 }),
        (prefix, taken, count) => {
          const next = idSeriesOf(
            prefix,
            taken.map((i) => ({ id: i })),
          );
          const old = oldIdSeries(prefix, taken);
          for (let i = 0; i <= count; i += 1) expect(next()).toBe(old());
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('counts on plain numbers of its own series only', () => {
    expect(nextId('l', ['l1', 'l2', '00', 'l03', 'l9x', 'l٣', 'l90071992547409930'])).toBe('l4');
    expect(nextId('sql-', ['sql-000000000000000000041', 'sql-7', 'h99'])).toBe('sql-42');
  });

  it('reads ids from any iterable once', () => {
    function* ids() {
      yield 'l4';
      yield 'l12';
    }
    expect(nextId('l', ids())).toBe('l13');
    expect(hostIdPrefix('SQL')).toBe('sql-');
  });
});
