import type { ShareController, ShareDeps } from '@/store/share-controller';
import { shareOnDemand } from '@/store/share-on-demand';
import { makeStore } from '../builders';

/**
 * Live editing's code loads on the first share or join (issue 16's code, loaded on first use): the
 * controller stands in for it until then, and a page opened by a link shows "connecting" meanwhile.
 */

const made = vi.hoisted(() => ({ deps: undefined as ShareDeps | undefined, calls: [] as string[] }));

vi.mock('@/store/share-controller', () => ({
  createShareController: (_store: unknown, deps: ShareDeps): ShareController => {
    made.deps = deps;
    return {
      share: async () => void made.calls.push('share'),
      join: async (target) => void made.calls.push(`join ${target.access}`),
      leave: () => void made.calls.push('leave'),
      userName: () => deps.userName(),
      rename: () => void made.calls.push('rename'),
      pointer: () => void made.calls.push('pointer'),
    };
  },
}));

const browser = () => ({
  net: { location: { href: 'https://planner.example/app/' } } as unknown as Window,
  page: 'https://planner.example/app/',
  setHash: () => {},
  userName: () => 'Ada',
  catalogueOf: () => makeStore().getState().catalogue,
});

beforeEach(() => {
  made.deps = undefined;
  made.calls = [];
});

describe('the share controller loaded on first use', () => {
  it('loads nothing for the name, leaving or the pointer before a share', () => {
    const controller = shareOnDemand(makeStore(), browser());
    expect(controller.userName()).toBe('Ada');
    controller.leave();
    controller.rename();
    controller.pointer({ x: 1, y: 2 });
    expect(made.deps).toBeUndefined();
    expect(made.calls).toEqual([]);
  });

  it('shows "connecting" at once when a link opens a room, then hands the join on', async () => {
    const store = makeStore();
    const controller = shareOnDemand(store, browser());
    const joined = controller.join({ access: 'read-only', roomId: 'a'.repeat(43) });
    expect(store.getState().share).toMatchObject({
      status: 'connecting',
      access: 'read-only',
      keepsOwn: true,
    });
    await joined;
    expect(made.calls).toEqual(['join read-only']);
    controller.pointer(undefined);
    controller.leave();
    expect(made.calls).toEqual(['join read-only', 'pointer', 'leave']);
  });

  it('gives the loaded controller the room functions and the sync server of the page', async () => {
    const controller = shareOnDemand(makeStore(), browser());
    await controller.share();
    expect(made.calls).toEqual(['share']);
    expect(typeof made.deps?.createRoom).toBe('function');
    expect(typeof made.deps?.roomIdForKey).toBe('function');
    expect(made.deps?.page).toBe('https://planner.example/app/');
  });
});
