import { describe, expect, it } from 'vitest';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows, flowListOf } from '@/domain/derive';
import type { Host, TopologyDocument } from '@/domain/document';
import { ColumnsBuilder } from '@/domain/matrix/columns-builder';
import type { CompactColumns } from '@/domain/matrix/compact-columns';
import { createRowSource, createRowSources } from '@/domain/matrix/row-source';
import type { RowTexts } from '@/domain/matrix/row-texts';
import { rowWords } from '@/i18n/row-words';
import { syntheticHierarchy } from '../../bench/synthetic';

/** A small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, pick };
}

/** Every cell's text by row, as the columns code it, with the justification's parts. */
function cells(c: CompactColumns): string[][] {
  const columns = [...c.columns];
  return Array.from({ length: c.length }, (_, i) => [
    ...columns.map(([id, col]) => `${id}=${col.texts[col.codes ? col.codes[i]! : i]}`),
    c.hostNames[c.source[i]!]!,
    c.hostNames[c.target[i]!]!,
    c.middle.texts[c.middle.codes![i]!]!,
    c.tail.texts[c.tail.codes![i]!]!,
  ]);
}

const ROLES = ['reporting-point', 'fallback-status-point', 'management-point', 'distribution-point'];

/** One random edit of the kinds the app makes: roles, links, zones, names, addresses, hosts. */
function edit(r: ReturnType<typeof random>, doc: TopologyDocument, step: number): TopologyDocument {
  const at = r.int(doc.hosts.length);
  const host = doc.hosts[at]!;
  const replace = (h: Host) => ({ ...doc, hosts: doc.hosts.with(at, h) });
  const zoneIds = [...doc.zones.map((z) => z.id), undefined, 'nowhere'];
  switch (r.int(10)) {
    case 0:
      return replace({ ...host, roles: [...new Set([...host.roles, r.pick(ROLES)])] });
    case 1:
      return replace({ ...host, roles: host.roles.slice(1) });
    case 2: {
      const other = r.pick(doc.hosts);
      return { ...doc, links: [...doc.links, { id: `x${step}`, source: host.id, target: other.id }] };
    }
    case 3:
      return { ...doc, links: doc.links.filter((_, i) => i !== r.int(doc.links.length)) };
    case 4: {
      const moved = replace({ ...host, zone: r.pick(zoneIds) } as Host);
      // As moveHostIntoZone does: the zones grow around the host (new objects, same ids and names).
      if (r.next() < 0.5) return moved;
      return {
        ...moved,
        zones: moved.zones.map((z) => ({ ...z, box: { x: 0, y: 0, width: 500 + step, height: 400 } })),
      };
    }
    case 5:
      return replace({ ...host, name: `${host.name}-${step}` });
    case 6:
      return replace({
        ...host,
        ip: `10.1.2.${step}`,
        fqdn: r.next() < 0.5 ? undefined : `h${step}.corp`,
        site: `S${step}`,
      });
    case 7: {
      const zones = doc.zones.map((z, i) =>
        i === r.int(doc.zones.length) ? { ...z, name: `${z.name}+` } : z,
      );
      return { ...doc, zones: r.next() < 0.3 ? zones.slice(1) : zones };
    }
    case 8: {
      const id = `new${step}`;
      const added = { ...host, id, name: `New ${step}` };
      return {
        ...doc,
        hosts: [...doc.hosts, added],
        links: [...doc.links, { id: `n${step}`, source: id, target: host.id }],
      };
    }
    default:
      return { ...doc, hosts: doc.hosts.filter((_, i) => i !== at) };
  }
}

describe('compact columns after an edit', () => {
  it.each([1, 2, 3])(
    'equal a fresh build, edit after edit (seed %i)',
    (seed) => {
      const r = random(seed);
      const words = rowWords(catalogue, 'en');
      let doc = syntheticHierarchy(200, catalogue, { zones: true });
      let derivation = deriveFlows(doc, catalogue);
      const next = createRowSources();
      // As the store does: the engine's list, whose blocks an edit did not touch stay the same.
      next(flowListOf(derivation), doc, words).columns();
      let reused = 0;
      let blocks = 0;
      let kept = 0;
      for (let step = 0; step < 40; step += 1) {
        doc = edit(r, doc, step);
        derivation = deriveFlows(doc, catalogue, derivation);
        const list = flowListOf(derivation);
        const source = next(list, doc, words);
        // Sometimes no filter reads this build: the next one builds on an older one.
        if (r.next() < 0.2) continue;
        const last = source.lastColumns();
        // The blocks whose rows the last build's dictionaries coded: this build keeps their codes.
        for (const block of list.blocks()) {
          blocks += 1;
          if (last?.reuse.builder.hasCoded(block)) kept += 1;
        }
        const incremental = source.columns();
        if (last && incremental.reuse.builder === last.reuse.builder) reused += 1;
        const fresh = createRowSource(derivation.flows, doc, words).columns();
        expect(cells(incremental)).toEqual(cells(fresh));
      }
      expect(kept).toBeGreaterThan(blocks / 4);
      expect(reused).toBeGreaterThan(10);
    },
    120_000,
  );
});

describe('host pairs', () => {
  it('are one pair when their labels are one text, as when pairs were coded by label', () => {
    const names: Record<string, string> = { a: 'x ↔ y', b: 'z', c: 'x', d: 'y ↔ z', e: 'q' };
    const texts = { host: (id: string) => ({ name: names[id] }) } as unknown as RowTexts;
    const builder = new ColumnsBuilder(rowWords(catalogue, 'en'), texts);
    const first = builder.pair(builder.host('e'), builder.host('c'));
    const one = builder.pair(builder.host('a'), builder.host('b'));
    const other = builder.pair(builder.host('c'), builder.host('d'));
    expect(other).toBe(one);
    expect(builder.pair(builder.host('c'), builder.host('e'))).toBe(first);
    expect(builder.pairTexts()[one]).toBe('x ↔ y ↔ z');
    expect(builder.pairTexts()[first]).toBe('q ↔ x');
  });
});
