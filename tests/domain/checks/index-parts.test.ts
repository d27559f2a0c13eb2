import { addressKey, addressProblem } from '@/domain/checks/address-key';
import { HostGraph } from '@/domain/checks/host-graph';
import { byName, idsInNameOrder, SharedKeys } from '@/domain/checks/host-order';
import { HostSigs } from '@/domain/checks/host-sigs';
import { IdNumbers } from '@/domain/checks/id-numbers';
import { Tally } from '@/domain/checks/link-set';
import { LinkTable } from '@/domain/checks/link-table';
import type { Host, Link } from '@/domain/document';
import { checkIp, normaliseIp, plainIpv4 } from '@/domain/ip';
import { seededRandom } from '../../support/random';

const host = (id: string, extra: Partial<Host> = {}): Host => ({
  id,
  name: id,
  roles: [],
  options: {},
  ...extra,
});

describe('plain IPv4 addresses read by char codes', () => {
  const samples = [
    '10.0.0.1',
    '10.0.0.0/24',
    '255.255.255.255/32',
    '0.0.0.0/0',
    '10.0.0.0/032',
    '10.0.0.0/33',
    '10.0.0.256',
    '10.00.0.1',
    '01.2.3.4',
    '1.2.3',
    '1.2.3.4.5',
    '1.2.3.4/',
    '1.2.3.4/1/2',
    ' 1.2.3.4',
    '1.2.3.4 ',
    '1..3.4',
    '1.2.3.4a',
    '1000.2.3.4',
    'fd00::1',
    '::ffff:1.2.3.4',
    '',
    ' ',
  ];

  it('say valid only where checkIp does, and keep the address normaliseIp would', () => {
    const random = seededRandom(7);
    const chars = '0123456789./ a:';
    const made = Array.from({ length: 4000 }, () =>
      Array.from({ length: 1 + random(16) }, () => chars[random(chars.length)]).join(''),
    );
    for (const text of [...samples, ...made]) {
      if (plainIpv4(text)) {
        expect(checkIp(text), text).toBeUndefined();
        expect(normaliseIp(text), text).toBe(text);
      }
      expect(addressProblem(text), text).toEqual(checkIp(text));
      const ip = text.trim() === '' || checkIp(text) ? undefined : normaliseIp(text);
      expect(addressKey(host('h', { ip: text })), text).toBe(ip);
    }
    expect(addressKey(host('h'))).toBeUndefined();
  });
});

describe('IdNumbers and LinkTable', () => {
  it('number ids in the order first seen, as a map would, through growth', () => {
    const random = seededRandom(3);
    const numbers = new IdNumbers(4);
    const model = new Map<string, number>();
    for (let i = 0; i < 5000; i += 1) {
      const id = `id${random(3000)}`;
      const want = model.get(id) ?? model.size;
      model.set(id, want);
      expect(numbers.add(id)).toBe(want);
      const probe = `id${random(3000)}`;
      expect(numbers.find(probe)).toBe(model.get(probe) ?? -1);
    }
    for (const [id, n] of model) expect(numbers.find(id)).toBe(n);
    expect(numbers.find('missing')).toBe(-1);
    expect(numbers.count).toBe(model.size);
  });

  it('keep the last link of an id and count ids with a link, as a map would, whatever the ids', () => {
    const random = seededRandom(5);
    const table = new LinkTable(2);
    const model = new Map<string, Link>();
    const all: Link[] = [];
    for (let i = 0; i < 3000; i += 1) {
      if (all.length > 0 && random(3) === 0) {
        const link = all[random(all.length)] as Link;
        table.remove(link);
        if (model.get(link.id) === link) model.delete(link.id);
      } else {
        // Ids of several shapes: the app's own (`l<n>`), a leading zero, another prefix, no number.
        const n = random(500);
        const id = [`l${n}`, `l${n}`, `l0${n}`, `x${n}`, 'l', `l${n}x`][random(6)] as string;
        const link = { id, source: 'a', target: 'b' };
        all.push(link);
        table.set(link);
        model.set(link.id, link);
      }
      expect(table.size).toBe(model.size);
      const probe = [`l${random(600)}`, `x${random(600)}`, 'l-1', 'l1.5'][random(4)] as string;
      expect(table.get(probe)).toBe(model.get(probe));
    }
    for (const link of all) expect(table.get(link.id)).toBe(model.get(link.id));
    // Both kinds of place were used: `l<n>` below and above the numbered array's end (2 expected).
    expect([...model.keys()].some((id) => /^l[1-9]\d{2}$/.test(id))).toBe(true);
    expect([...model.keys()].some((id) => /^l[1-9]$/.test(id))).toBe(true);
  });
});

/** A graph whose first links were filed at once, as `EstateIndex.of` files a document's links. */
function packedGraph(random: (n: number) => number, ids: readonly string[], links: Link[]): HostGraph {
  const graph = new HostGraph(4);
  for (let i = 0; i < 60; i += 1) {
    const source = ids[random(ids.length)] as string;
    links.push({
      id: `p${i}`,
      source,
      target: random(6) === 0 ? source : (ids[random(ids.length)] as string),
    });
  }
  const ends = new Int32Array(links.length * 2).fill(-1);
  links.forEach((link, i) => {
    if (link.source === link.target) return;
    ends[2 * i] = graph.slotFor(link.source);
    ends[2 * i + 1] = graph.slotFor(link.target);
  });
  // The graph keeps the list it was given (a document's, never changed): this one is changed below.
  graph.packLinks([...links], ends);
  for (let i = links.length - 1; i >= 0; i -= 1)
    if (links[i]?.source === links[i]?.target) links.splice(i, 1);
  return graph;
}

describe('HostGraph', () => {
  it.each([
    ['filed one by one', false],
    ['packed at first, then edited', true],
  ])('answers as lists of links kept per pair, after random edits (%s)', (_, packed) => {
    const random = seededRandom(packed ? 12 : 11);
    const ids = Array.from({ length: 30 }, (_, i) => `h${i}`);
    const hosts = new Map<string, Host>();
    const links: Link[] = [];
    const graph = packed ? packedGraph(random, ids, links) : new HostGraph(4);
    for (let step = 0; step < 1500; step += 1) {
      const what = random(5);
      if (what === 0) {
        const h = host(ids[random(ids.length)] as string);
        graph.setHost(h);
        hosts.set(h.id, h);
      } else if (what === 1 && hosts.size > 0) {
        const h = [...hosts.values()][random(hosts.size)] as Host;
        graph.removeHost(h);
        hosts.delete(h.id);
      } else if (what === 2 && links.length > 0) {
        const [link] = links.splice(random(links.length), 1);
        graph.removeLink(link as Link);
      } else {
        const link = {
          id: `l${step}`,
          source: ids[random(ids.length)] as string,
          target: ids[random(ids.length)] as string,
        };
        links.push(link);
        graph.addLink(link);
      }
      const a = ids[random(ids.length)] as string;
      const b = ids[random(ids.length)] as string;
      const between = links.filter(
        (l) =>
          l.source !== l.target && ((l.source === a && l.target === b) || (l.source === b && l.target === a)),
      );
      expect(graph.linksBetween(a, b)).toEqual(between);
      expect(graph.linked(a, b)).toBe(between.length > 0);
      const of = links.filter((l) => l.source !== l.target && (l.source === a || l.target === a));
      expect(graph.countOf(a)).toBe(of.length);
      if (random(2) === 0) expect(graph.linksOf(a)).toEqual(of);
      const others = [...new Set(of.map((l) => (l.source === a ? l.target : l.source)))];
      expect(graph.neighbourIds(a)).toEqual(others);
      expect(graph.hostsLinkedTo(a)).toEqual(others.flatMap((id) => hosts.get(id) ?? []));
      expect(graph.get(a)).toBe(hosts.get(a));
      expect(graph.size).toBe(hosts.size);
    }
  });
});

describe('SharedKeys', () => {
  it('lists the keys of more than one host, and their hosts', () => {
    const random = seededRandom(13);
    const keys = new SharedKeys();
    const model = new Map<string, Host[]>();
    const filed: [string, Host][] = [];
    for (let i = 0; i < 2000; i += 1) {
      if (filed.length > 0 && random(3) === 0) {
        const [key, h] = filed.splice(random(filed.length), 1)[0] as [string, Host];
        keys.remove(key, h);
        model.set(
          key,
          (model.get(key) ?? []).filter((x) => x !== h),
        );
      } else {
        const key = `k${random(40)}`;
        const h = host(`h${i}`);
        filed.push([key, h]);
        keys.add(key, h, true);
        model.set(key, [...(model.get(key) ?? []), h].sort(byName));
      }
      const shared = [...model].filter(([, list]) => list.length > 1).map(([key]) => key);
      expect(new Set(keys.shared)).toEqual(new Set(shared));
      const key = `k${random(40)}`;
      expect(keys.get(key)).toEqual(model.get(key) ?? []);
    }
  });
});

describe('HostSigs', () => {
  it('numbers hosts alike when their roles (in order) and options are alike', () => {
    const sigs = new HostSigs(2);
    const a = host('a', { roles: ['client', 'management-point'] });
    const b = host('b', { roles: ['client', 'management-point'] });
    const c = host('c', { roles: ['management-point', 'client'] });
    const d = host('d', { roles: ['client', 'management-point'], options: { pxe: true } });
    const e = host('e', { roles: ['client', 'management-point'], options: { pxe: true } });
    const f = host('f', { roles: ['client'] });
    const n = [a, b, c, d, e, f].map((h, i) => sigs.of(i, h));
    expect(n[0]).toBe(n[1]);
    expect(new Set([n[0], n[2], n[3], n[5]]).size).toBe(4);
    expect(n[3]).toBe(n[4]);
    expect(sigs.of(0, f)).toBe(n[5]);
  });
});

describe('idsInNameOrder', () => {
  it("lists a tally's hosts in name order, whether it sorts a few or picks many", () => {
    const random = seededRandom(17);
    const hosts = Array.from({ length: 200 }, (_, i) => host(`h${i}`, { name: `N${random(50)}` })).sort(
      byName,
    );
    const byId = new Map(hosts.map((h) => [h.id, h]));
    const lookup = { size: byId.size, get: (id: string) => byId.get(id), has: (id: string) => byId.has(id) };
    for (const size of [3, 12, 80, 200]) {
      const tally = new Tally();
      for (let i = 0; i < size; i += 1) tally.add(hosts[random(hosts.length)]?.id as string, 1);
      tally.add('not-a-host', 1);
      const model = hosts.filter((h) => tally.map.has(h.id)).map((h) => h.id);
      expect(idsInNameOrder(tally.map, hosts, lookup)).toEqual(model);
    }
  });
});
