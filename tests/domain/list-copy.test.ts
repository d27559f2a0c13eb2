import { copyFor } from '@/domain/list-copy';

describe('copyFor', () => {
  it('copies a list to be patched in place, leaving the list as it was', () => {
    const list = ['a', 'b', 'c'];
    const copy = copyFor(list, 3);
    copy[1] = 'x';
    expect(copy).toEqual(['a', 'x', 'c']);
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('makes room for the entries to be appended', () => {
    const copy = copyFor([1, 2], 4);
    expect(copy).toHaveLength(4);
    expect(copy.slice(0, 2)).toEqual([1, 2]);
    copy[2] = 3;
    copy[3] = 4;
    expect(copy).toEqual([1, 2, 3, 4]);
  });
});
