import type { Host } from '@/domain/document';
import { hostLookup } from '@/store/host-lookup';
import { makeHost } from '../builders';
import { seededRandom } from '../support/random';

describe('hosts by id, kept across edits', () => {
  it('finds what a map built afresh finds after every edit, and keeps positions while ids stay put', () => {
    const next = seededRandom(3);
    let hosts: Host[] = Array.from({ length: 30 }, (_, i) => makeHost(`h${i}`));
    let lookup = hostLookup(hosts);
    for (let step = 0; step < 500; step += 1) {
      const kind = next(6);
      const at = next(hosts.length);
      if (kind <= 2) hosts = hosts.map((h, i) => (i === at ? { ...h, name: `n${step}` } : h));
      else if (kind === 3) hosts = [...hosts, makeHost(next(5) === 0 ? `h${at}` : `new${step}`)];
      else if (kind === 4 && hosts.length > 1) hosts = hosts.filter((_, i) => i !== at);
      else hosts = [...hosts].reverse();
      const kept = lookup;
      lookup = hostLookup(hosts, lookup);
      const scratch = new Map(hosts.map((h) => [h.id, h]));
      for (const id of [...scratch.keys(), 'missing', 'h1', 'new3'])
        expect(lookup.get(id), `step ${step} ${id}`).toBe(scratch.get(id));
      if (kind <= 2) expect(lookup.positions).toBe(kept.positions);
    }
    expect(hostLookup(hosts, lookup)).toBe(lookup);
  });
});
