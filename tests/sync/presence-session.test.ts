import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { startPresence } from '@/sync/presence-session';

/** Two awareness instances that pass each change to the other, as a provider does. */
function pair() {
  const a = new Awareness(new Y.Doc());
  const b = new Awareness(new Y.Doc());
  const wire = (from: Awareness, to: Awareness) =>
    from.on(
      'update',
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => {
        if (origin === 'wire') return;
        const changed = [...added, ...updated, ...removed];
        applyAwarenessUpdate(to, encodeAwarenessUpdate(from, changed), 'wire');
      },
    );
  wire(a, b);
  wire(b, a);
  return { a, b };
}

describe('presence in a room', () => {
  it('shows each person to the other with a different colour, their pointer and selection', () => {
    const { a, b } = pair();
    const ana = startPresence(a, 'Ana');
    const ben = startPresence(b, 'Ben');
    expect(ben.peers().map((p) => p.name)).toEqual(['Ana']);
    expect(ana.peers().map((p) => p.name)).toEqual(['Ben']);
    expect(ana.peers()[0]?.colour).not.toBe(ben.peers()[0]?.colour);
    let calls = 0;
    ben.subscribe(() => {
      calls += 1;
    });
    ana.pointer({ x: 10.4, y: 20.6 });
    ana.select(['h1'], ['l1']);
    expect(ben.peers()[0]).toMatchObject({
      name: 'Ana',
      pointer: { x: 10, y: 21 },
      hosts: ['h1'],
      links: ['l1'],
    });
    expect(calls).toBeGreaterThanOrEqual(2);
    ana.pointer(undefined);
    expect(ben.peers()[0]?.pointer).toBeUndefined();
  });

  it('drops a peer state that is not a presence, and forgets who left', () => {
    const { a, b } = pair();
    const ben = startPresence(b, 'Ben');
    a.setLocalState({ name: 12, evil: '<script>' });
    expect(ben.peers()).toEqual([]);
    const ana = startPresence(a, 'Ana');
    expect(ben.peers()).toHaveLength(1);
    ana.stop();
    expect(ben.peers()).toEqual([]);
  });
});
