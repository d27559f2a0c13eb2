import { createChecker } from '@/domain/checks/checker';
import { compareFindings, type Finding } from '@/domain/checks/finding';
import { LinkSet, Tally } from '@/domain/checks/link-set';
import { runChecks } from '@/domain/checks/run-checks';
import { mergeSorted, patchSorted, sortedFindings } from '@/domain/checks/sorted-findings';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import type { Link } from '@/domain/document';
import { message } from '@/domain/message';
import { syntheticHierarchy } from '../../../bench/synthetic';

const finding = (id: string, severity: Finding['severity'], host: string): Finding => ({
  id,
  check: 'host-without-ip',
  severity,
  message: message('checks:hostWithoutIp', { host }),
  hosts: [id],
  links: [],
});

const FINDINGS = [
  finding('a', 'warning', 'MP02'),
  finding('b', 'error', 'DP01'),
  finding('c', 'warning', 'MP01'),
  finding('d', 'info', 'CL01'),
  finding('e', 'warning', 'MP01'),
  finding('f', 'error', 'AA'),
];

describe('sorted findings with their keys', () => {
  it('sort, merge and patch as compareFindings orders them', () => {
    const want = [...FINDINGS].sort(compareFindings);
    expect(sortedFindings(FINDINGS).findings).toEqual(want);
    const merged = mergeSorted(sortedFindings(FINDINGS.slice(0, 3)), sortedFindings(FINDINGS.slice(3)));
    expect(merged.findings).toEqual(want);
    const drop = new Set([FINDINGS[0]!, FINDINGS[5]!]);
    const patched = patchSorted(merged, drop, sortedFindings([finding('g', 'info', 'ZZ')]));
    expect(patched.findings.map((f) => f.id)).toEqual(['b', 'c', 'e', 'd', 'g']);
    expect(patchSorted(merged, new Set(), sortedFindings([]))).toBe(merged);
  });
});

describe('LinkSet', () => {
  const links: Link[] = ['l1', 'l2', 'l3', 'l4'].map((id) => ({ id, source: 'a', target: 'b' }));

  it('drops ids that left and appends links added at the end, keeping document order', () => {
    const set = new LinkSet();
    set.toggle('l1', 1);
    set.toggle('l3', 1);
    set.settleAsFiled();
    set.toggle('l1', -1);
    const more = [...links, { id: 'l5', source: 'a', target: 'c' }];
    set.toggle('l5', 1);
    expect(set.list(more, 4, new Set(['l5']))).toEqual(['l3', 'l5']);
    expect(set.list(more, 5, new Set())).toEqual(['l3', 'l5']);
  });

  it('asks to be listed again when an id joined in the middle of the links', () => {
    const set = new LinkSet();
    set.toggle('l3', 1);
    set.settleAsFiled();
    set.toggle('l2', 1);
    expect(set.list(links, 4, new Set())).toBeUndefined();
    set.relist(['l2', 'l3']);
    expect(set.list(links, 4, new Set())).toEqual(['l2', 'l3']);
  });
});

describe('Tally', () => {
  it('keeps its order when an id goes and comes back, drops ids that went, and asks again for one that came', () => {
    const tally = new Tally();
    tally.add('a', 1);
    tally.add('b', 2);
    expect(tally.kept()).toBeUndefined();
    tally.order = ['a', 'b'];
    const order = tally.order;
    tally.add('a', -1);
    tally.add('a', 1);
    expect(tally.kept()).toBe(order);
    tally.add('b', -2);
    expect(tally.kept()).toEqual(['a']);
    expect([...tally.map.keys()]).toEqual(['a']);
    tally.add('c', 1);
    expect(tally.kept()).toBeUndefined();
  });
});

describe('the incremental checker on edits that change little', () => {
  it('checks a host moved into a zone alone, keeping every estate finding object', () => {
    const checker = createChecker(catalogue);
    const doc = syntheticHierarchy(600, catalogue);
    const derivation = deriveFlows(doc, catalogue);
    const first = checker.check(doc, derivation);
    const zone = 'zone-moved';
    const at = doc.hosts.findIndex((h) => h.roles.includes('distribution-point'));
    const edited = { ...doc, hosts: doc.hosts.with(at, { ...doc.hosts[at]!, zone }) };
    const second = checker.check(edited, deriveFlows(edited, catalogue, derivation), first);
    expect(second).toEqual(runChecks(edited, catalogue));
    const before = new Set(first);
    const moved = doc.hosts[at]!.id;
    expect(second.filter((f) => !f.hosts.includes(moved) && !before.has(f))).toEqual([]);
  });

  it('keeps the very result when a host no finding names only moved, and reads an address that changed', () => {
    const checker = createChecker(catalogue);
    const doc = syntheticHierarchy(600, catalogue);
    const derivation = deriveFlows(doc, catalogue);
    const first = checker.check(doc, derivation);
    const named = new Set(first.flatMap((f) => f.hosts));
    const at = doc.hosts.findIndex((h) => !named.has(h.id) && h.ip !== undefined);
    const moved = { ...doc, hosts: doc.hosts.with(at, { ...doc.hosts[at]!, zone: 'zone-moved' }) };
    const second = checker.check(moved, deriveFlows(moved, catalogue, derivation), first);
    expect(second).toBe(first);
    // The same move with another host's address: a shared address, as from scratch.
    const other = doc.hosts.find((h, i) => i !== at && h.ip !== undefined)!;
    const shared = { ...moved, hosts: moved.hosts.with(at, { ...moved.hosts[at]!, ip: other.ip }) };
    const third = checker.check(shared, deriveFlows(shared, catalogue, derivation), second);
    expect(third).toEqual(runChecks(shared, catalogue));
    expect(third.some((f) => f.check === 'duplicate-ip')).toBe(true);
  });

  it('lists a link appended at the end of the document in the link notes, as from scratch', () => {
    const checker = createChecker(catalogue);
    let doc = syntheticHierarchy(600, catalogue);
    let derivation = deriveFlows(doc, catalogue);
    let last = checker.check(doc, derivation);
    const dps = doc.hosts.filter((h) => h.roles.includes('distribution-point'));
    const clients = doc.hosts.filter((h) => h.roles.includes('client'));
    for (let i = 0; i < 4; i += 1) {
      const link = { id: `tail-${i}`, source: dps[i]!.id, target: clients[clients.length - 1 - i]!.id };
      doc = { ...doc, links: [...doc.links, link] };
      derivation = deriveFlows(doc, catalogue, derivation);
      last = checker.check(doc, derivation, last);
      expect(last).toEqual(runChecks(doc, catalogue, derivation));
    }
  });
});
