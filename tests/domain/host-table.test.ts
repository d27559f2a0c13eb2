/**
 * The hosts' places by the bytes of their ids (issue 18): every id found, none made up, ids given
 * twice turned down, and no id looked for in more than a bounded number of slots.
 */
import { HostTable } from '@/domain/host-table';

const encode = (text: string) => new TextEncoder().encode(text);

describe('the table of host ids by their bytes', () => {
  it('finds each of 200,000 ids at its place, and no other id', () => {
    const ids = Array.from({ length: 200_000 }, (_, i) => `P${i % 97}-h${i}`);
    const table = HostTable.of(ids.join('\n'))!;
    expect(table.count).toBe(ids.length);
    const bytes = encode(ids.join('\n'));
    let at = 0;
    for (let place = 0; place < ids.length; place += 1) {
      const length = (ids[place] as string).length;
      expect(table.find(bytes, at, length)).toBe(place);
      at += length + 1;
    }
    for (const other of ['P0-h200000', 'p0-h0', 'P0-h', 'x']) {
      expect(table.find(encode(other), 0, other.length)).toBe(-1);
    }
  });

  it('finds an id inside other bytes (between quotes of a file)', () => {
    const table = HostTable.of('cas\ncas-sql')!;
    expect(table.find(encode('"cas-sql"'), 1, 7)).toBe(1);
    expect(table.find(encode('"cas-sql"'), 1, 3)).toBe(0);
  });

  it('turns down ids given twice', () => {
    expect(HostTable.of('a\nb\na')).toBeUndefined();
  });

  it('holds no host for an empty list', () => {
    const table = HostTable.of('')!;
    expect(table.count).toBe(0);
    expect(table.find(encode('a'), 0, 1)).toBe(-1);
  });
});
