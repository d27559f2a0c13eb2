import { createElementLooks } from '@/canvas/element-looks';
import { catalogue } from '@/domain/default-catalogue';
import { createAppStore } from '@/store/app-store';
import { sampleDocument } from '@/store/templates';

describe('element looks', () => {
  it('keeps each look while nothing of it changes, and tells listeners of a filter and of places', () => {
    const doc = sampleDocument(catalogue);
    const store = createAppStore(doc);
    const looks = createElementLooks(store);
    const [a, b] = doc.links;
    const first = looks.link(a!.id);
    expect(first).toEqual({ place: undefined, mark: undefined, delta: undefined, result: undefined });
    let heard = 0;
    const stop = looks.subscribe(() => {
      heard += 1;
    });
    // A store change that touches no look: same object, no notice.
    store.getState().select([doc.hosts[0]!.id], []);
    expect(looks.link(a!.id)).toBe(first);
    expect(heard).toBe(0);
    // Places: only the link whose place changed gets a new look.
    const untouched = looks.link(b!.id);
    looks.publishPlaces(new Map([[a!.id, { t: 0.3, hidden: false }]]));
    expect(heard).toBe(1);
    expect(looks.link(a!.id).place).toEqual({ t: 0.3, hidden: false });
    expect(looks.link(b!.id)).toBe(untouched);
    const placed = looks.link(a!.id);
    looks.publishPlaces(new Map([[a!.id, { t: 0.3, hidden: false }]]));
    expect(looks.link(a!.id)).toBe(placed);
    // The matrix filter marks links and hosts.
    store.getState().setMatrixFilter('zzz-no-such-thing');
    expect(heard).toBe(3);
    expect(looks.link(a!.id).mark).toBe('dim');
    expect(looks.hostMark(doc.hosts[0]!.id)).toBe('dim');
    stop();
    store.getState().setMatrixFilter('');
    expect(heard).toBe(3);
    // Read without listeners, the looks still follow the store.
    expect(looks.link(a!.id).mark).toBeUndefined();
  });
});
