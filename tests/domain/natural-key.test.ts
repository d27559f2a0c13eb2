import { naturalKey } from '@/domain/natural-key';

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
});
