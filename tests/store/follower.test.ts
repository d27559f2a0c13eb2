import { catalogue } from '@/domain/default-catalogue';
import { toDocument } from '@/store/app-store';
import { selectProblems, selectRowSource, shownProblems, shownRows } from '@/store/derived';
import { createFollower } from '@/store/follower';
import { syntheticHierarchy } from '../../bench/synthetic';
import { makeStore } from '../builders';
import { seededRandom } from '../support/random';

/** A `later` that holds the tasks until the test runs them. */
function heldTasks() {
  const tasks: (() => void)[] = [];
  return {
    later: (task: () => void) => tasks.push(task),
    run() {
      for (const t of tasks.splice(0)) t();
    },
    get size() {
      return tasks.length;
    },
  };
}

const ROLES = ['distribution-point', 'management-point', 'software-update-point', 'sql-server'];

describe('a value that follows the store', () => {
  it('follows in the edit itself below its size, so a small estate never lags', () => {
    const store = makeStore(syntheticHierarchy(40, catalogue));
    const held = heldTasks();
    const f = createFollower(store, (s) => selectProblems(store, s), { from: 1000, later: held.later });
    let calls = 0;
    const stop = f.subscribe(() => {
      calls += 1;
    });
    const before = f.get();
    const host = store.getState().hosts.find((h) => h.roles.includes('client'))!;
    store.getState().addRoleToHost(host.id, 'distribution-point');
    expect(held.size).toBe(0);
    expect(f.get()).not.toBe(before);
    expect(f.get()).toBe(selectProblems(store));
    expect(calls).toBe(1);
    expect(f.settled()).toBe(true);
    stop();
  });

  it('catches up in a later task above its size, once however many edits came, and only on a change', () => {
    const store = makeStore(syntheticHierarchy(40, catalogue));
    const held = heldTasks();
    const f = createFollower(store, (s) => selectProblems(store, s), { from: 0, later: held.later });
    let calls = 0;
    f.subscribe(() => {
      calls += 1;
    });
    const before = f.get();
    const clients = store.getState().hosts.filter((h) => h.roles.includes('client'));
    store.getState().addRoleToHost(clients[0]!.id, 'distribution-point');
    store.getState().addRoleToHost(clients[1]!.id, 'distribution-point');
    expect(f.get()).toBe(before);
    expect(f.settled()).toBe(false);
    expect(held.size).toBe(1);
    held.run();
    expect(f.get()).toBe(selectProblems(store));
    expect(f.settled()).toBe(true);
    expect(calls).toBe(1);
    // A change that leaves the value alike (a selection) notifies nobody.
    store.getState().select([clients[2]!.id], []);
    held.run();
    expect(calls).toBe(1);
    expect(f.settled()).toBe(true);
  });

  it('after any run of edits and catch-ups equals the problems and rows made from scratch', () => {
    const store = makeStore(syntheticHierarchy(200, catalogue));
    const held = heldTasks();
    const problems = createFollower(store, (s) => selectProblems(store, s), { from: 0, later: held.later });
    const rows = createFollower(store, (s) => selectRowSource(store, s), { from: 0, later: held.later });
    problems.subscribe(() => {});
    rows.subscribe(() => {});
    const next = seededRandom(18);
    for (let step = 0; step < 30; step += 1) {
      const { hosts } = store.getState();
      const host = hosts[next(hosts.length)]!;
      const other = hosts[next(hosts.length)]!;
      const kind = next(3);
      if (kind === 0) store.getState().addRoleToHost(host.id, ROLES[next(ROLES.length)]!);
      else if (kind === 1) store.getState().linkHosts(host.id, other.id);
      else store.getState().setHostField(host.id, 'site', next(2) === 0 ? 'P00' : 'P01');
      if (next(3) !== 0) continue;
      held.run();
      // From scratch: a fresh store of the same document, with no memo of any earlier edit.
      const fresh = makeStore(toDocument(store.getState()));
      const scratch = selectProblems(fresh);
      expect(problems.get().counts, `step ${step}`).toEqual(scratch.counts);
      expect(problems.get().findings.map((f) => f.id)).toEqual(scratch.findings.map((f) => f.id));
      expect([...problems.get().hosts.keys()].sort()).toEqual([...scratch.hosts.keys()].sort());
      const made = selectRowSource(fresh);
      expect(rows.get().length, `step ${step}`).toBe(made.length);
      expect(rows.get().rows()).toEqual(made.rows());
      expect(problems.settled() && rows.settled()).toBe(true);
    }
  }, 120_000);

  it('is what the app reads: one follower per store for the problems and per language for the rows', () => {
    const store = makeStore();
    expect(shownProblems(store)).toBe(shownProblems(store));
    expect(shownRows(store, 'en')).toBe(shownRows(store, 'en'));
    expect(shownRows(store, 'de')).not.toBe(shownRows(store, 'en'));
    expect(shownProblems(store).get()).toBe(selectProblems(store));
  });
});
