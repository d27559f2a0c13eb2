import { assignOrders, ORDER_KEY, snapshotToDocument } from '@/domain/shared-doc/shared-shape';

describe('shared shape', () => {
  it.each([
    [
      'appends after the last shared entity',
      ['a', 'b', 'c'],
      [['a', 0]],
      [
        ['b', 1],
        ['c', 2],
      ],
    ],
    [
      'fills an empty list from 0',
      ['a', 'b'],
      [],
      [
        ['a', 0],
        ['b', 1],
      ],
    ],
    [
      'places new entities evenly between two neighbours',
      ['a', 'x', 'y', 'b'],
      [
        ['a', 0],
        ['b', 3],
      ],
      [
        ['x', 1],
        ['y', 2],
      ],
    ],
    ['places new entities before the first', ['x', 'a'], [['a', 5]], [['x', 4]]],
  ] as const)('%s', (_label, ids, existing, expected) => {
    const result = assignOrders(ids, new Map(existing.map(([id, o]) => [id, o])));
    expect([...result.entries()]).toEqual(expected.map(([id, o]) => [id, o]));
  });

  it('lists entities by order, then id, takes ids from the keys and drops the order field', () => {
    const doc = snapshotToDocument({
      meta: { format: 'cm-port-planner', version: 3, name: 'N' },
      hosts: {
        b: { name: 'B', [ORDER_KEY]: 1 },
        a: { name: 'A', [ORDER_KEY]: 1, id: 'forged' },
        first: { name: 'F', [ORDER_KEY]: 0 },
        none: { name: 'no order' },
        junk: 7,
      },
      links: {},
      zones: {},
      settings: {},
      layout: {},
    });
    expect(doc.hosts).toEqual([
      { name: 'F', id: 'first' },
      { name: 'A', id: 'a' },
      { name: 'B', id: 'b' },
      7,
      { name: 'no order', id: 'none' },
    ]);
    expect(doc).toMatchObject({ format: 'cm-port-planner', version: 3, name: 'N' });
  });
});
