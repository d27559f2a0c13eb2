import type { Link } from '@/domain/document';
import { DEFAULT_HOST_SIZE } from '@/domain/layout/host-size';
import { arrangeActions, arrangeable } from '@/store/arrange-slice';
import { makeDocument, makeHost, makeLink, makeStore } from '../builders';

const history = (store: ReturnType<typeof makeStore>) => store.temporal.getState();

function setup() {
  const store = makeStore(
    makeDocument(
      [
        makeHost('a', ['client']),
        makeHost('b', ['client']),
        makeHost('c', ['client']),
        makeHost('d', ['client']),
      ],
      [],
      {
        layout: { a: { x: 0, y: 0 }, b: { x: 300, y: 80 }, c: { x: 120, y: 200 }, d: { x: 900, y: 900 } },
      },
    ),
  );
  store.getState().setMeasured({
    a: { width: 100, height: 50 },
    b: { width: 200, height: 40 },
    c: { width: 60, height: 100 },
  });
  return { store, arrange: () => arrangeActions(store.getState()) };
}

describe('arranging the selection', () => {
  it('aligns the selected hosts by their measured sizes, as one undo step', () => {
    const { store, arrange } = setup();
    store.getState().select(['a', 'b', 'c'], []);
    const before = history(store).pastStates.length;
    expect(arrange().alignSelection('right')).toBe(true);
    expect(store.getState().layout).toMatchObject({
      a: { x: 400, y: 0 },
      b: { x: 300, y: 80 },
      c: { x: 440, y: 200 },
      d: { x: 900, y: 900 },
    });
    expect(history(store).pastStates.length).toBe(before + 1);
    store.getState().undo();
    expect(store.getState().layout.a).toEqual({ x: 0, y: 0 });
    expect(store.getState().layout.c).toEqual({ x: 120, y: 200 });
  });

  it('takes the size of a host not measured yet as the layout does', () => {
    const { store, arrange } = setup();
    store.getState().select(['a', 'd'], []);
    arrange().alignSelection('bottom');
    expect(store.getState().layout.a).toEqual({ x: 0, y: 900 + DEFAULT_HOST_SIZE.height - 50 });
  });

  it('distributes three or more selected hosts evenly, the outer ones staying', () => {
    const { store, arrange } = setup();
    store.getState().select(['a', 'b', 'c'], []);
    expect(arrange().distributeSelection('vertical')).toBe(true);
    // Centres 25 (a) and 250 (c) stay; b's (100) goes halfway between, to 137.5: top 117.5, rounded.
    expect(store.getState().layout).toMatchObject({
      a: { x: 0, y: 0 },
      b: { x: 300, y: 118 },
      c: { x: 120, y: 200 },
    });
  });

  it('does nothing and records no step for too small a selection or when nothing would move', () => {
    const { store, arrange } = setup();
    const before = history(store).pastStates.length;
    store.getState().select(['a'], []);
    expect(arrangeable(store.getState())).toEqual({ align: false, distribute: false });
    expect(arrange().alignSelection('left')).toBe(false);
    store.getState().select(['a', 'b'], []);
    expect(arrangeable(store.getState())).toEqual({ align: true, distribute: false });
    expect(arrange().distributeSelection('horizontal')).toBe(false);
    store.getState().select(['a', 'b', 'c'], []);
    expect(arrangeable(store.getState())).toEqual({ align: true, distribute: true });
    arrange().alignSelection('left');
    expect(arrange().alignSelection('left')).toBe(false);
    expect(history(store).pastStates.length).toBe(before + 1);
  });
});

describe('keeping inferred links', () => {
  const inferred = (source: string, target: string, id: string): Link => ({
    ...makeLink(source, target, id),
    inferred: true,
  });

  it('removes the mark as one undo step and says how many links were marked', () => {
    const store = makeStore(
      makeDocument(
        [
          makeHost('site', ['site-server']),
          makeHost('mp', ['management-point']),
          makeHost('dp', ['distribution-point']),
        ],
        [inferred('mp', 'site', 'l1'), makeLink('dp', 'site', 'l2'), inferred('dp', 'mp', 'l3')],
      ),
    );
    const keep = (ids: string[]) => arrangeActions(store.getState()).keepLinks(ids);
    const before = history(store).pastStates.length;
    expect(keep(['l1', 'l2'])).toBe(1);
    expect(store.getState().links.map((l) => l.inferred ?? false)).toEqual([false, false, true]);
    expect(keep(['l1', 'l2'])).toBe(0);
    expect(history(store).pastStates.length).toBe(before + 1);
    store.getState().undo();
    expect(store.getState().links[0]?.inferred).toBe(true);
  });
});
