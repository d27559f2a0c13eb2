import type { Finding, Severity } from '@/domain/checks/finding';
import { catalogue } from '@/domain/default-catalogue';
import { type Problems, problemsOf, selectProblems } from '@/store/derived';
import { syntheticHierarchy } from '../../bench/synthetic';
import { makeHost, makeStore } from '../builders';
import { seededRandom } from '../support/random';

const SEVERITY: readonly Severity[] = ['error', 'warning', 'info'];
const IDS = ['a', 'b', 'c', 'd', 'e', 'f'];

/** What a scratch run and a patched run must agree on (statuses as entries: map order is free). */
function shape(p: Problems) {
  const sorted = (m: ReadonlyMap<string, unknown>) => [...m].sort((x, y) => x[0].localeCompare(y[0]));
  return {
    counts: p.counts,
    hosts: sorted(p.hosts),
    links: sorted(p.links),
    ghosts: p.ghosts,
    placeholders: p.placeholders,
  };
}

describe('statuses patched from the findings that came and went', () => {
  it('equal the statuses made from scratch after every step, keeping untouched status objects', () => {
    const next = seededRandom(18);
    const hosts = IDS.map((id) => makeHost(id, ['client'], { site: next(2) === 0 ? 'P01' : 'P02' }));
    let serial = 0;
    const finding = (): Finding => {
      serial += 1;
      const pick = () => IDS.filter(() => next(3) === 0);
      return {
        id: `f${serial}`,
        check: 'peer-missing',
        severity: SEVERITY[next(3)]!,
        message: { key: `m${next(4)}` },
        // Repeats: a finding may name an id twice, it counts once.
        hosts: [...pick(), ...(next(4) === 0 ? ['a'] : [])],
        links: pick().map((id) => `l-${id}`),
        ...(next(3) === 0
          ? {
              ghost:
                next(2) === 0
                  ? { source: IDS[next(6)]!, missingRole: 'sql-server' }
                  : { source: 'a', target: 'b' },
            }
          : {}),
      };
    };
    let findings: Finding[] = Array.from({ length: 8 }, finding);
    let previous = problemsOf(findings, hosts);
    for (let step = 0; step < 400; step += 1) {
      // Drop some, keep the rest (the same objects, in order), insert new ones anywhere.
      const kept = findings.filter(() => next(5) !== 0);
      for (let k = next(3); k > 0; k -= 1) kept.splice(next(kept.length + 1), 0, finding());
      // Now and then the same findings in another order (as no checker returns them, but allowed).
      const reordered = next(40) === 0;
      if (reordered) kept.reverse();
      const patched = problemsOf(kept, hosts, previous);
      const scratch = problemsOf(kept, hosts);
      expect(shape(patched), `step ${step}`).toEqual(shape(scratch));
      if (!reordered) {
        // Hosts no finding that came or went names keep their status objects.
        const before = new Set(findings);
        const after = new Set(kept);
        const touched = new Set<string>();
        for (const f of [...kept.filter((f) => !before.has(f)), ...findings.filter((f) => !after.has(f))])
          if (f.severity !== 'info') for (const id of f.hosts) touched.add(id);
        for (const [id, status] of patched.hosts)
          if (!touched.has(id) && previous.hosts.has(id)) expect(status).toBe(previous.hosts.get(id));
        if (touched.size === 0) expect(patched.hosts).toBe(previous.hosts);
      }
      findings = kept;
      previous = patched;
    }
  });

  it('the store patches them edit by edit as the checks change, equal to scratch', () => {
    const doc = syntheticHierarchy(300, catalogue);
    const store = makeStore(doc);
    const next = seededRandom(7);
    const roles = ['distribution-point', 'management-point', 'software-update-point', 'sql-server'];
    for (let step = 0; step < 40; step += 1) {
      const { hosts } = store.getState();
      const host = hosts[next(hosts.length)]!;
      const other = hosts[next(hosts.length)]!;
      const kind = next(4);
      if (kind === 0) store.getState().addRoleToHost(host.id, roles[next(roles.length)]!);
      else if (kind === 1) store.getState().linkHosts(host.id, other.id);
      else if (kind === 2 && host.roles.length > 1) store.getState().removeRole(host.id, host.roles[0]!);
      else store.getState().setHostField(host.id, 'site', next(2) === 0 ? 'P00' : 'P01');
      const patched = selectProblems(store);
      const scratch = problemsOf(patched.findings, store.getState().hosts);
      expect(shape(patched), `step ${step}`).toEqual(shape(scratch));
    }
  }, 120_000);
});
