import { describe, expect, it } from 'vitest';
import { catalogue } from '@/domain/default-catalogue';
import { hostReads } from '@/domain/engine/host-reads';
import { slotHosts } from '@/domain/engine/slots';
import { makeHost } from '../builders';

describe("the engine's slots by host id", () => {
  const hosts = [
    makeHost('b', ['client'], { name: 'DP10' }),
    makeHost('a', ['distribution-point'], { name: 'dp2' }),
    makeHost('c', ['client'], { name: 'CL1' }),
  ];

  it('finds each host’s slot, ranked by name (numbers by value), and none for an unknown id', () => {
    const { slots, byRank, byPlace } = slotHosts(hosts, new Map(), hostReads(catalogue));
    expect(byRank.map((s) => s.host.id)).toEqual(['c', 'a', 'b']);
    for (const [place, host] of hosts.entries()) {
      expect(slots.get(host.id)).toBe(byPlace[place]);
      expect(slots.get(host.id)?.host).toBe(host);
    }
    expect(slots.get('b')?.rank).toBe(2);
    expect(slots.get('nobody')).toBeUndefined();
  });

  it('finds the last slot in matrix order for a repeated id, as a map filled in that order holds', () => {
    const twice = [...hosts, makeHost('a', ['client'], { name: 'aa' })];
    const { slots, byRank } = slotHosts(twice, new Map(), hostReads(catalogue));
    const filled = new Map(byRank.map((s) => [s.host.id, s]));
    expect(slots.get('a')).toBe(filled.get('a'));
    expect(slots.get('a')?.host.name).toBe('dp2');
  });
});
