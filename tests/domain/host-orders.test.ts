/**
 * The hosts' orders (issue 18): worked out from ids and names alone, they are the orders the engine
 * (matrix order: numeric-aware name, then id) and the checks (name trimmed and lower-cased, then
 * id) sort hosts in, for any names, Unicode, blanks and ties included.
 */
import fc from 'fast-check';
import { byName } from '@/domain/checks/host-order';
import type { Host } from '@/domain/document';
import { hostOrders, isPermutation } from '@/domain/host-orders';
import { naturalKey } from '@/domain/natural-key';

const nameArb = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('DP10', 'dp2', ' dp2', 'DP02', 'Ärzte-01', 'ärzte-1', 'mp', 'MP ', ''),
  fc.stringMatching(/^[A-Za-z]{1,3}-?\d{1,14}$/),
);
const hostsArb = fc
  .array(fc.record({ id: fc.stringMatching(/^[a-c]{1,3}$/), name: nameArb }), { maxLength: 40 })
  .map((rows) => rows.map(({ id, name }) => ({ id, name, roles: [], options: {} }) as Host));

/** The matrix order as the engine defined it: naturalKey of the name by `<`, then the id. */
function matrixReference(hosts: readonly Host[]): number[] {
  return hosts
    .map((_, i) => i)
    .sort((x, y) => {
      const kx = naturalKey(hosts[x]!.name);
      const ky = naturalKey(hosts[y]!.name);
      if (kx !== ky) return kx < ky ? -1 : 1;
      const [ix, iy] = [hosts[x]!.id, hosts[y]!.id];
      return ix < iy ? -1 : ix > iy ? 1 : 0;
    });
}

describe('host orders', () => {
  it('are the matrix order and the checks’ name order of the hosts', () => {
    fc.assert(
      fc.property(hostsArb, (hosts) => {
        const orders = hostOrders(
          hosts.map((h) => h.id),
          hosts.map((h) => h.name),
        );
        expect([...orders.matrix].map((i) => hosts[i])).toEqual(matrixReference(hosts).map((i) => hosts[i]));
        expect([...orders.names].map((i) => hosts[i])).toEqual([...hosts].sort(byName));
        expect(isPermutation(orders.matrix, hosts.length)).toBe(true);
        expect(isPermutation(orders.names, hosts.length)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('order numbers by value in the matrix and names case-blind and trimmed for the checks', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const names = ['DP10', 'dp2', ' Alpha', 'beta'];
    const { matrix, names: byNames } = hostOrders(ids, names);
    expect([...matrix].map((i) => names[i])).toEqual([' Alpha', 'beta', 'dp2', 'DP10']);
    expect([...byNames].map((i) => names[i])).toEqual([' Alpha', 'beta', 'DP10', 'dp2']);
  });

  it('tell an order of n places from anything else', () => {
    expect(isPermutation(Int32Array.of(2, 0, 1), 3)).toBe(true);
    expect(isPermutation(Int32Array.of(), 0)).toBe(true);
    expect(isPermutation(Int32Array.of(0, 1), 3)).toBe(false);
    expect(isPermutation(Int32Array.of(0, 0, 1), 3)).toBe(false);
    expect(isPermutation(Int32Array.of(0, 3, 1), 3)).toBe(false);
    expect(isPermutation(Int32Array.of(0, -1, 1), 3)).toBe(false);
  });
});
