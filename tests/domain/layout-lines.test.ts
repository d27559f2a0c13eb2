/**
 * A layout read straight from a file's bytes (issue 18): positions in host order exactly where
 * restore keeps the parsed layout as it is, and nothing for any other layout.
 */
import fc from 'fast-check';
import type { Host } from '@/domain/document';
import { HostTable } from '@/domain/host-table';
import { numberAt } from '@/domain/json-bytes';
import { placeLayoutLines, scanLayoutLines } from '@/domain/layout-lines';
import type { Message } from '@/domain/message';
import { isRestoredCoordinate, restoreLayout } from '@/domain/restore-settings';

const encode = (text: string) => new TextEncoder().encode(text);

/** A layout as serializeDocument writes it: one JSON line per position, as the document's second level. */
const layoutText = (entries: readonly (readonly [string, unknown])[]) =>
  `{\n${entries.map(([id, p]) => `    ${JSON.stringify(id)}:${JSON.stringify(p)}`).join(',\n')}\n  }`;

const hostIds = ['cas', 'P00-site', 'P00-h1'];
const hosts = hostIds.map((id) => ({ id, name: id, roles: [] }) as unknown as Host);

/** The positions read from the bytes, in host order. */
function fast(text: string, ids = hostIds) {
  const bytes = encode(text);
  const lines = scanLayoutLines(bytes, 0, bytes.length);
  const table = HostTable.of(ids.join('\n'));
  const positions = lines && table && placeLayoutLines(lines, bytes, table);
  return positions && [...positions];
}

/** Whether restore keeps the parsed layout as it is, and the positions it gives in host order. */
function slow(text: string) {
  const raw = JSON.parse(text) as Record<string, unknown>;
  const problems: Message[] = [];
  const layout = restoreLayout(raw, hosts, problems, true, new Map(hostIds.map((id, i) => [id, i])));
  return { kept: layout === raw, positions: hostIds.flatMap((id) => [layout[id]?.x, layout[id]?.y]) };
}

describe('reading a layout of plain positions from the bytes', () => {
  it('gives the positions in host order, whatever order the layout lists them in', () => {
    const text = layoutText([
      ['P00-h1', { x: -220, y: 0.5 }],
      ['cas', { x: 0, y: 1e6 }],
      ['P00-site', { x: 12.25, y: -1000000 }],
    ]);
    expect(fast(text)).toEqual([0, 1e6, 12.25, -1e6, -220, 0.5]);
    expect(slow(text)).toEqual({ kept: true, positions: fast(text) });
  });

  it.each([
    [
      'a host without a position',
      [
        ['cas', { x: 0, y: 0 }],
        ['P00-site', { x: 0, y: 0 }],
      ],
    ],
    [
      'a key that is no host',
      [...hostIds.slice(1).map((id) => [id, { x: 0, y: 0 }]), ['gone', { x: 0, y: 0 }]],
    ],
    ['a position out of range', hostIds.map((id) => [id, { x: 1000001, y: 0 }])],
    ['a position with a third field', hostIds.map((id) => [id, { x: 1, y: 2, z: 3 }])],
    ['y before x', hostIds.map((id) => [id, { y: 1, x: 2 }])],
    ['a coordinate that is text', hostIds.map((id) => [id, { x: '1', y: 2 }])],
  ] as const)('leaves a layout with %s to restore', (_, entries) => {
    const text = layoutText(entries as unknown as [string, unknown][]);
    expect(fast(text)).toBeUndefined();
    expect(slow(text).kept).toBe(false);
  });

  it.each([
    ['-0, which restore makes 0', '"cas":{"x":-0,"y":0}', undefined],
    [
      'a key written twice (JSON.parse keeps the last)',
      '"P00-h1":{"x":1,"y":0},\n    "cas":{"x":1,"y":0}',
      undefined,
    ],
    ['a number JSON does not allow', '"cas":{"x":01,"y":0}', undefined],
    ['a space', '"cas": {"x":1,"y":0}', undefined],
    ['an exponent', '"cas":{"x":1e2,"y":0}', [100, 0, 0, 0, 0, 0]],
  ])('reads a layout with %s', (_, line, expected) => {
    const rest = layoutText(hostIds.slice(1).map((id) => [id, { x: 0, y: 0 }]));
    const text = `{\n    ${line},\n${rest.slice(2)}`;
    const read = fast(text);
    expect(read).toEqual(expected);
    // What is read is what restore keeps of the parsed layout.
    if (read) expect(slow(text)).toEqual({ kept: true, positions: read });
  });

  it('keeps as coordinates the numbers restore keeps as they are, and nothing else', () => {
    for (const n of [0, -220, 0.5, 1e6, -1e6]) expect(isRestoredCoordinate(n)).toBe(true);
    for (const n of [-0, 1e6 + 1, Number.NaN, Infinity, undefined, null, '1'])
      expect(isRestoredCoordinate(n)).toBe(false);
  });

  it('reads a JSON number as JSON.parse does, and nothing else', () => {
    const read = (text: string) => numberAt(encode(text), 0);
    expect(read('-220,')).toEqual({ value: -220, end: 4 });
    expect(read('0.1}')).toEqual({ value: 0.1, end: 3 });
    expect(read('1E+2,')).toEqual({ value: 100, end: 4 });
    expect(read('1234567890123456,')).toEqual({ value: 1234567890123456, end: 16 });
    for (const bad of ['01', '+1', '.5', '1.', '-', '1e', '--1', '1.2.3'])
      expect(read(`${bad},`)).toBeUndefined();
    // A number of a million digits is left to JSON.parse (no call with a million arguments).
    expect(read(`${'1'.repeat(1_000_000)},`)).toBeUndefined();
    expect(read('-1.2345678901234567e-308,')?.value).toBe(-1.2345678901234567e-308);
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = JSON.stringify(n);
        expect(read(`${text}}`)?.value).toBe(JSON.parse(text));
      }),
    );
  });

  it('agrees with restore on random layouts: positions only where restore keeps the layout', () => {
    const coordinate = fc.oneof(
      fc.integer({ min: -1_100_000, max: 1_100_000 }),
      fc.double({ min: -2e6, max: 2e6, noNaN: true }),
      fc.constantFrom(0, -0, 1e6, -1e6, 0.5),
    );
    const entry = fc.tuple(
      fc.constantFrom(...hostIds, 'gone', 'P00_h1'),
      fc.record({ x: coordinate, y: coordinate }),
    );
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 5 }), (entries) => {
        const text = layoutText(entries);
        const { kept, positions } = slow(text);
        const read = fast(text);
        // A key written twice is left to JSON.parse (which keeps the last), even where restore keeps it.
        const twice = new Set(entries.map(([id]) => id)).size < entries.length;
        if (!twice) expect(read === undefined).toBe(!kept);
        if (read) expect(read).toEqual(positions);
      }),
      { numRuns: 500 },
    );
  });
});
