import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedHosts, type HostState } from '@/canvas/host-changes';
import type { Host, Position } from '@/domain/document';
import type { Size } from '@/store/store-types';

// What changedHosts answers, asked of every host: its object, its position and its size.
function changedByScan(before: HostState, after: HostState): number[] | undefined {
  if (before.hosts.length !== after.hosts.length) return undefined;
  if (after.hosts.some((h, i) => h !== before.hosts[i] && h.id !== before.hosts[i]!.id)) return undefined;
  const replaced = after.hosts.flatMap((h, i) => (h === before.hosts[i] ? [] : [i]));
  const others = after.hosts.flatMap((h, i) =>
    h === before.hosts[i] &&
    (after.layout[h.id] !== before.layout[h.id] || after.measured[h.id] !== before.measured[h.id])
      ? [i]
      : [],
  );
  return [...replaced, ...others];
}

const IDS = ['a', 'b', 'c', 'd', 'e', 'toString', 'constructor'];
const host = (id: string): Host => ({ id, name: id, roles: [], options: {} });
const size = (width: number): Size => ({ width, height: 40 });
const at = (x: number): Position => ({ x, y: 0 });

/** A state, then one like it after an edit: some hosts replaced, moved, resized, or sizes added. */
const states = fc
  .record({
    replace: fc.subarray(IDS),
    move: fc.subarray(IDS),
    measuredBefore: fc.subarray(['a', 'b', 'c', 'zone-1', 'site-S01', 'toString']),
    resize: fc.subarray(['a', 'b', 'c', 'd', 'zone-1', 'zone-2', 'constructor']),
    newLayout: fc.boolean(),
    newMeasured: fc.boolean(),
  })
  .map(({ replace, move, measuredBefore, resize, newLayout, newMeasured }) => {
    const hosts = IDS.map(host);
    const layout = Object.fromEntries(IDS.map((id, i) => [id, at(i)]));
    const measured = Object.fromEntries(measuredBefore.map((id) => [id, size(100)]));
    const before: HostState = { hosts, layout, measured };
    const after: HostState = {
      hosts: hosts.map((h) => (replace.includes(h.id) ? { ...h } : h)),
      layout: newLayout ? { ...layout, ...Object.fromEntries(move.map((id) => [id, at(99)])) } : layout,
      measured: newMeasured
        ? { ...measured, ...Object.fromEntries(resize.map((id) => [id, size(120)])) }
        : measured,
    };
    return { before, after };
  });

describe('changedHosts', () => {
  it('finds the hosts an edit replaced, moved or resized, as asking each host would', () => {
    fc.assert(
      fc.property(states, ({ before, after }) => {
        expect(changedHosts(before, after)).toEqual(changedByScan(before, after));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds nothing when only zones and bands were measured', () => {
    const hosts = IDS.map(host);
    const layout = Object.fromEntries(IDS.map((id, i) => [id, at(i)]));
    const before: HostState = { hosts, layout, measured: {} };
    expect(changedHosts(before, { hosts, layout, measured: { 'zone-1': size(300) } })).toEqual([]);
    expect(changedHosts(before, { hosts, layout, measured: { b: size(300) } })).toEqual([1]);
  });
});
