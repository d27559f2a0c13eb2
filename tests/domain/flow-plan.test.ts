import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import type { Host, Link, TopologyDocument } from '@/domain/document';
import { flowListOf, flowsWritten } from '@/domain/engine/result';
import type { Flow } from '@/domain/flow';
import { syntheticHierarchy } from '../../bench/synthetic';
import { seededRandom } from '../support/random';

/** What a row shows of a flow (its hosts are read through getters, which deep equality skips). */
const plain = (flow: Flow | undefined) =>
  flow && {
    linkId: flow.linkId,
    initiator: flow.initiator,
    responder: flow.responder,
    protocol: flow.protocol,
    port: flow.port,
    services: flow.services,
    ruleIds: flow.ruleIds,
    dynamic: flow.dynamic,
  };

/** A derivation from scratch: a catalogue object of its own, so no deriver is shared. */
const scratch = (doc: TopologyDocument) => deriveFlows(doc, structuredClone(catalogue));

const ROLES = ['client', 'management-point', 'distribution-point', 'sql-server', 'site-server'];

/** One random edit of the kinds the store makes: roles, appended links, removed links, renames. */
function edit(doc: TopologyDocument, next: (n: number) => number, step: number): TopologyDocument {
  const kind = next(5);
  const i = next(doc.hosts.length);
  if (kind <= 1) {
    const role = ROLES[next(ROLES.length)]!;
    const hosts = doc.hosts.map((h, j): Host => {
      if (j !== i) return h;
      return { ...h, roles: h.roles.includes(role) ? h.roles.filter((r) => r !== role) : [...h.roles, role] };
    });
    return { ...doc, hosts };
  }
  if (kind === 2) {
    const link: Link = {
      id: `x${step}`,
      source: doc.hosts[i]!.id,
      target: doc.hosts[next(doc.hosts.length)]!.id,
    };
    return { ...doc, links: [...doc.links, link] };
  }
  if (kind === 3) return { ...doc, links: doc.links.filter((_, j) => j !== next(doc.links.length)) };
  return { ...doc, hosts: doc.hosts.map((h, j) => (j === i ? { ...h, name: `R${step}-${h.name}` } : h)) };
}

/** An edit the engine patches: one host's roles (its links gain or lose flows), or a link appended. */
function patchable(doc: TopologyDocument, next: (n: number) => number, step: number): TopologyDocument {
  const i = next(doc.hosts.length);
  if (next(3) === 0) {
    // Sometimes a repeat of a host pair, or a self-link: no flows of its own.
    const target = next(4) === 0 ? doc.hosts[i]!.id : doc.hosts[next(doc.hosts.length)]!.id;
    return { ...doc, links: [...doc.links, { id: `p${step}`, source: doc.hosts[i]!.id, target }] };
  }
  const role = ROLES[next(ROLES.length)]!;
  const hosts = doc.hosts.map((h, j): Host => {
    if (j !== i) return h;
    return { ...h, roles: h.roles.includes(role) ? h.roles.filter((r) => r !== role) : [...h.roles, role] };
  });
  return { ...doc, hosts };
}

describe('a derivation plans its flows and writes them when they are all read (issue 18)', () => {
  it('gives each flow by position, equal to the written list, without writing the list', () => {
    const doc = syntheticHierarchy(400, catalogue);
    const planned = deriveFlows(doc, catalogue);
    const list = flowListOf(planned);
    const want = scratch(doc).flows;
    expect(list.length).toBe(want.length);
    const next = seededRandom(4);
    const positions = [0, 1, want.length - 1, ...Array.from({ length: 300 }, () => next(want.length))];
    for (const i of positions) expect(plain(list.at(i)), `flow ${i}`).toEqual(plain(want[i]));
    expect(list.at(want.length)).toBeUndefined();
    expect(list.at(-1)).toBeUndefined();
    expect(list.at(0.5)).toBeUndefined();
    expect(flowsWritten(planned)).toBe(false);
    // Written on the first read of the list, the same array after; positions then read it.
    const all = list.all();
    expect(flowsWritten(planned)).toBe(true);
    expect(planned.flows).toBe(all);
    expect(all.map(plain)).toEqual(want.map(plain));
    expect(list.at(7)).toBe(all[7]);
  });

  it('keeps every result as derived, however long after a later edit its flows are first read', () => {
    for (const seed of [1, 2, 3]) {
      const next = seededRandom(seed);
      let doc = syntheticHierarchy(150, catalogue);
      let last = deriveFlows(doc, catalogue);
      const kept: { doc: TopologyDocument; result: ReturnType<typeof deriveFlows> }[] = [
        { doc, result: last },
      ];
      for (let step = 0; step < 40; step += 1) {
        // Now and then derived anew (other settings: not a patch), as an open does.
        doc = next(8) === 0 ? { ...doc, settings: { ...doc.settings } } : edit(doc, next, step);
        last = deriveFlows(doc, catalogue, last);
        kept.push({ doc, result: last });
      }
      // Read last to first: a planned result is written only now, after every later patch.
      for (const { doc: d, result } of kept.reverse()) {
        const want = scratch(d);
        expect(result.flows.map(plain), `seed ${seed}`).toEqual(want.flows.map(plain));
        expect(result.emptyLinks).toEqual(want.emptyLinks);
      }
    }
  });

  it('patches the plan whether or not its flows were written, sharing the blocks it did not touch', () => {
    for (const seed of [11, 12, 13, 14]) {
      const next = seededRandom(seed);
      // Only edits the engine patches: roles (links gain or lose flows) and appended links.
      let doc = syntheticHierarchy(300, catalogue);
      let last = deriveFlows(doc, catalogue);
      let spliced = 0;
      let shared = 0;
      for (let step = 0; step < 40; step += 1) {
        doc = patchable(doc, next, step);
        const before = flowListOf(last).blocks();
        const written = flowsWritten(last);
        last = deriveFlows(doc, catalogue, last);
        // Each patch splices the plan and writes no flow, even after the last list was written.
        expect(flowsWritten(last), `seed ${seed} step ${step}`).toBe(false);
        const want = scratch(doc).flows;
        const list = flowListOf(last);
        expect(list.length, `seed ${seed} step ${step}`).toBe(want.length);
        for (let k = 0; k < 30; k += 1) {
          const i = next(want.length);
          expect(plain(list.at(i)), `seed ${seed} step ${step} flow ${i}`).toEqual(plain(want[i]));
        }
        const after = list.blocks();
        expect(after.length).toBe(before.length);
        if (after !== before) spliced += 1;
        // A block kept from the last plan is the same object, with the very flows it wrote then.
        for (let b = 0; b < after.length && after !== before; b += 1) {
          if (after[b] !== before[b]) continue;
          shared += 1;
          if (written) expect(after[b]!.flows()).toBe(before[b]!.flows());
        }
        if (next(4) === 0) expect(list.all().map(plain)).toEqual(want.map(plain));
      }
      // Five blocks of 64 hosts: an edit that changes flows rebuilds a few and shares the rest.
      expect(spliced, `seed ${seed}`).toBeGreaterThan(10);
      expect(shared, `seed ${seed}`).toBeGreaterThan(spliced);
    }
  });

  it('reads every position when whole blocks of hosts open no flow, before and after they gain links', () => {
    const base = syntheticHierarchy(150, catalogue);
    // 140 hosts without links sorting first and 140 sorting last: the first and last blocks are empty.
    const lone = (prefix: string, n: number): Host[] =>
      Array.from({ length: n }, (_, k) => ({
        ...base.hosts[0]!,
        id: `${prefix}${k}`,
        name: `${prefix}${String(k).padStart(3, '0')}`,
        roles: ['client'],
      }));
    let doc: TopologyDocument = {
      ...base,
      hosts: [...lone('0000-', 140), ...base.hosts, ...lone('zzzz-', 140)],
    };
    let last = deriveFlows(doc, catalogue);
    const next = seededRandom(21);
    for (let step = 0; step < 12; step += 1) {
      const want = scratch(doc).flows;
      const list = flowListOf(last);
      expect(list.length).toBe(want.length);
      for (let i = 0; i < want.length; i += 1) {
        expect(plain(list.at(i)), `step ${step} flow ${i}`).toEqual(plain(want[i]));
      }
      // A lone host gains a link to a management point: its empty block gains flows.
      const from = doc.hosts[next(2) === 0 ? next(140) : doc.hosts.length - 1 - next(140)]!;
      const mp = doc.hosts.find((h) => h.roles.includes('management-point'))!;
      doc = { ...doc, links: [...doc.links, { id: `e${step}`, source: from.id, target: mp.id }] };
      last = deriveFlows(doc, catalogue, last);
    }
  });

  it('reads a derivation built by hand through the same list', () => {
    const flows = deriveFlows(syntheticHierarchy(20, catalogue), catalogue).flows;
    const list = flowListOf({ flows, emptyLinks: [] });
    expect(list.length).toBe(flows.length);
    expect(list.at(3)).toBe(flows[3]);
    expect(list.all()).toBe(flows);
    expect(flowsWritten({ flows, emptyLinks: [] })).toBe(true);
  });
});
