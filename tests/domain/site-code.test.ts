/**
 * The checks' site code: trimmed and upper case, empty meaning none. Codes typed as compared come
 * back as the very string given (no copy); every other text as `trim().toUpperCase()` makes it.
 */
import fc from 'fast-check';
import { siteCode } from '@/domain/checks/site-code';

/** The definition. */
const defined = (site: string | undefined) => {
  const code = site?.trim().toUpperCase();
  return code ? code : undefined;
};

describe('siteCode', () => {
  it('is the trimmed upper-case code, for any text', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.stringMatching(/^[ \tA-Za-z0-9\u00a0\u00df\u00e4\u2028-]{0,6}$/),
      fc.constantFrom('P01', ' p01 ', 'p01', 'ß', 'Ää1', '\u00a0P01', 'P01\u2028', '   ', '', 'A-B'),
    );
    fc.assert(
      fc.property(fc.option(text, { nil: undefined }), (site) => {
        expect(siteCode(site)).toBe(defined(site));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives a code typed as compared back as it is', () => {
    const code = ['P', '0', '1'].join('');
    expect(siteCode(code)).toBe(code);
    expect(siteCode(' p01 ')).toBe('P01');
    expect(siteCode('ß01')).toBe('SS01');
    expect(siteCode('\u00a0')).toBeUndefined();
    expect(siteCode('')).toBeUndefined();
  });
});
