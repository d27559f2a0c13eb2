import fc from 'fast-check';
import { NumberedIdSet } from '@/domain/pair-set';
import { ID_PATTERN, isId } from '@/domain/restore-values';

/** Strings near the id form: its characters, a few others, lengths around the 128 cap. */
const idLike = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'aZ09_.:-/ é\u0000'.split('')), maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('a', '1', '-'), minLength: 126, maxLength: 130 }),
  fc.string(),
);

describe('isId (issue 18: restore checks ids by char codes)', () => {
  it('agrees with ID_PATTERN on any string', () => {
    fc.assert(
      fc.property(idLike, (s) => {
        expect(isId(s)).toBe(ID_PATTERN.test(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('says no to anything but a string', () => {
    for (const value of [undefined, null, 7, {}, ['a'], { toString: () => 'a' }])
      expect(isId(value)).toBe(false);
  });

  it('takes 128 characters and no more', () => {
    expect(isId('a'.repeat(128))).toBe(true);
    expect(isId('a'.repeat(129))).toBe(false);
  });
});

describe('NumberedIdSet', () => {
  it('answers as a Set of strings would, for numbered ids of any size and other ids', () => {
    const id = fc.oneof(
      fc.nat({ max: 200 }).map((n) => `l${n}`),
      fc.nat().map((n) => `l${n}`),
      fc.constantFrom(
        'l',
        'l01',
        'l00',
        'l-1',
        'L1',
        'x1',
        'l1.5',
        `l${'9'.repeat(16)}`,
        'l9007199254740993',
      ),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 60 }), fc.nat({ max: 40 }), (ids, expected) => {
        const set = new NumberedIdSet('l', expected);
        const model = new Set<string>();
        for (const x of ids) {
          expect(set.has(x)).toBe(model.has(x));
          expect(set.add(x)).toBe(!model.has(x));
          model.add(x);
        }
        for (let n = 0; n < 250; n += 1) expect(set.hasNumber(n)).toBe(model.has(`l${n}`));
      }),
      { numRuns: 500 },
    );
  });
});
