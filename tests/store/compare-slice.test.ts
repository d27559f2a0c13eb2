import { toDocument } from '@/store/app-store';
import { selectDelta, selectLinkDeltas } from '@/store/compare-delta';
import { selectRows } from '@/store/derived';
import { makeDocument, makeStore } from '../builders';

describe('the compare slice', () => {
  it('opens the dialog, shows the view, and leaves without touching the document or its history', () => {
    const store = makeStore();
    const saved = toDocument(store.getState());
    const rows = selectRows(store);
    expect(rows.length).toBeGreaterThan(0);
    // The earlier request lacked the first row's flow: it is one to add now.
    store.getState().startComparison({ fileName: 'old.json', rows: rows.slice(1), skipped: [] });
    expect(store.getState()).toMatchObject({ compareDialogOpen: true, compareView: false });
    expect(selectDelta(store)).toMatchObject({ unchanged: rows.length - 1, removed: [], changed: [] });
    expect(selectDelta(store)?.added).toHaveLength(1);
    expect(selectLinkDeltas(store)?.byLink).toEqual(new Map([[rows[0]!.linkId, 'added']]));

    store.getState().showComparison();
    expect(store.getState()).toMatchObject({ compareDialogOpen: false, compareView: true });
    store.getState().openCompareDialog();
    store.getState().closeCompareDialog();
    // The view stays while the canvas shows it.
    expect(store.getState()).toMatchObject({ compareDialogOpen: false, compareView: true });
    expect(store.getState().comparison?.fileName).toBe('old.json');

    store.getState().leaveComparison();
    expect(store.getState()).toMatchObject({
      comparison: null,
      compareDialogOpen: false,
      compareView: false,
    });
    expect(selectDelta(store)).toBeUndefined();
    expect(toDocument(store.getState())).toEqual(saved);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('ends a comparison whose dialog closes while the canvas does not show it', () => {
    const store = makeStore();
    store.getState().startComparison({ fileName: 'old.xlsx', rows: [], skipped: [] });
    store.getState().closeCompareDialog();
    expect(store.getState().comparison).toBeNull();
    store.getState().showComparison();
    expect(store.getState().compareView).toBe(false);
  });

  it('ends when another diagram replaces the one compared (a file opened, a template)', () => {
    const store = makeStore();
    store.getState().startComparison({ fileName: 'old.xlsx', rows: [], skipped: [] });
    store.getState().showComparison();
    expect(store.getState().compareView).toBe(true);
    store.getState().replaceDocument(makeDocument([], [], { name: 'Another' }));
    expect(store.getState()).toMatchObject({
      comparison: null,
      compareView: false,
      compareDialogOpen: false,
    });
  });

  it('follows edits: a link removed while comparing turns its flows into flows to remove', () => {
    const store = makeStore();
    const rows = selectRows(store);
    store.getState().startComparison({ fileName: 'old.json', rows, skipped: [] });
    expect(selectDelta(store)?.unchanged).toBe(rows.length);
    const gone = rows.filter((r) => r.linkId === 'l2').length;
    expect(gone).toBeGreaterThan(0);
    store.getState().removeElements([], ['l2']);
    expect(selectDelta(store)?.removed).toHaveLength(gone);
    expect(selectLinkDeltas(store)?.elsewhere).toHaveLength(gone);
  });
});
