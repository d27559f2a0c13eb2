import fc from 'fast-check';
import { naturalKey } from '@/domain/natural-key';

/** The key as its definition says: lower case, then every run of digits padded to twelve. */
const defined = (name: string) => name.toLowerCase().replace(/[0-9]+/g, (digits) => digits.padStart(12, '0'));

describe('naturalKey (matrix order of host names)', () => {
  it('orders case-blind and numbers by value', () => {
    const names = ['DP10', 'dp2', 'DP1', 'Client', 'cas', 'P01-MP02', 'p01-mp10', 'P1-MP3', 'x'];
    const sorted = [...names].sort((a, b) => (naturalKey(a) < naturalKey(b) ? -1 : 1));
    expect(sorted).toEqual(['cas', 'Client', 'DP1', 'dp2', 'DP10', 'P01-MP02', 'P1-MP3', 'p01-mp10', 'x']);
  });

  it('pads every run of digits to twelve and leaves longer runs and names without digits alone', () => {
    expect(naturalKey('A7b42')).toBe('a000000000007b000000000042');
    expect(naturalKey('7')).toBe('000000000007');
    expect(naturalKey('Site')).toBe('site');
    expect(naturalKey('n1234567890123')).toBe('n1234567890123');
    expect(naturalKey('')).toBe('');
  });

  it('gives what its definition gives for any name: ASCII, other scripts, long ones', () => {
    const pieces = fc.oneof(
      fc.constantFrom(
        'P',
        'dp',
        'SITE',
        '-',
        ' ',
        '_',
        'Ä',
        'İ',
        'ß',
        'Σ',
        '😀',
        '0',
        '007',
        '42',
        '1234567890123',
      ),
      fc.string({ maxLength: 4 }),
      fc.integer({ min: 0, max: 10 ** 9 }).map(String),
    );
    const names = fc.array(pieces, { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(names, (name) => naturalKey(name) === defined(name)),
      { numRuns: 3000, seed: 18 },
    );
    for (const name of [`${'x'.repeat(255)}7`, '7'.repeat(300), '1a'.repeat(128), '1a'.repeat(129)])
      expect(naturalKey(name)).toBe(defined(name));
  });
});
