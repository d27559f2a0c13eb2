/**
 * The hosts the parse worker posts as columns (issue 18): what the page unpacks after a structured
 * clone is equal to what restore made, key for key and in the same order, and hosts restore would
 * not make are left to the JSON text.
 */
import fc from 'fast-check';
import type { Host } from '@/domain/document';
import { packHosts, unpackHosts } from '@/store/host-pack';

function roundTrip(hosts: readonly Host[]): Host[] | undefined {
  const packed = packHosts(hosts);
  if (!packed) return undefined;
  const { shapes, roleAt, optionAt } = packed;
  return unpackHosts(
    structuredClone(packed, { transfer: [shapes.buffer, roleAt.buffer, optionAt.buffer] as ArrayBuffer[] }),
  );
}

function expectSame(read: unknown, made: unknown) {
  expect(read).toStrictEqual(made);
  expect(JSON.stringify(read)).toBe(JSON.stringify(made));
}

const usual = (id: string, roles: string[], options: Host['options'] = {}): Host =>
  ({ id, name: id.toUpperCase(), roles, options, ip: '10.0.0.1', site: 'P01', zone: 'z' }) as Host;

describe('hosts posted as columns', () => {
  it('read back equal in every shape restore makes, sharing equal roles and options', () => {
    const hosts = [
      usual('a', ['client']),
      usual('b', ['client']),
      usual('c', ['distribution-point'], { pxe: true, sqlPort: 1433 }),
      usual('d', ['distribution-point'], { pxe: true, sqlPort: 1433 }),
      { id: 'e', name: 'E', roles: [], options: {} },
      {
        id: 'f',
        name: 'F "quoted" ünïcode',
        roles: ['nope', ''],
        options: { siteType: 'primary', parentSite: 'CAS' },
        fqdn: 'f.corp.example',
        ip: '10.0.0.9/24',
        site: 'CAS',
        zone: 'dmz',
        notes: 'line one\nline two',
      },
      { id: 'g', name: 'G', roles: ['client'], options: {}, notes: '' },
    ] as Host[];
    const read = roundTrip(hosts);
    expectSame(read, hosts);
    expect(read?.[0]?.roles).toBe(read?.[1]?.roles);
    expect(read?.[2]?.options).toBe(read?.[3]?.options);
    expect(read?.[0]?.options).toBe(read?.[6]?.options);
    expectSame(roundTrip([]), []);
  });

  it('are not packed when a host is not as restore makes it', () => {
    const base = usual('a', ['client']);
    const odd = [
      { ...base, colour: 'red' },
      { name: 'A', id: 'a', roles: [], options: {} },
      { ...base, ip: 7 },
      { ...base, name: 'A\u0000B' },
      { ...base, roles: ['a\u0000b'] },
      { ...base, roles: [1] },
      { ...base, options: { nested: { pxe: true } } },
      { ...base, options: { port: Number.NaN } },
      { ...base, options: { port: -0 } },
      { ...base, options: { pxe: undefined } },
      { ...base, zone: undefined },
    ];
    for (const host of odd) expect(packHosts([base, host as unknown as Host])).toBeUndefined();
  });

  it('read back equal for any hosts restore could make', () => {
    const text = fc.string({ maxLength: 6 });
    const host = fc.record(
      {
        id: fc.string({ minLength: 1, maxLength: 6 }),
        name: text,
        roles: fc.array(fc.constantFrom('client', 'distribution-point', 'x', ''), { maxLength: 3 }),
        options: fc.dictionary(
          fc.constantFrom('pxe', 'multicast', 'siteType', 'sqlPort'),
          fc.oneof(fc.boolean(), fc.integer({ min: 1, max: 65535 }), text),
          { maxKeys: 3, noNullPrototype: true },
        ),
        fqdn: text,
        ip: text,
        site: text,
        zone: text,
        notes: text,
      },
      { requiredKeys: ['id', 'name', 'roles', 'options'], noNullPrototype: true },
    );
    fc.assert(
      fc.property(fc.array(host, { maxLength: 12 }), (hosts) => {
        const made = hosts as unknown as Host[];
        const read = roundTrip(made);
        if (made.some((h) => JSON.stringify(h).includes('\\u0000'))) return;
        expectSame(read, made);
      }),
      { numRuns: 300 },
    );
  });
});
