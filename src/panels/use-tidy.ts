/**
 * "Tidy" (issue 12): lays the diagram out with the automatic layout and applies it as one undo
 * step. The layout itself (elkjs) is handed in by src/app.tsx, where leaves and src/layout meet.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Catalogue } from '@/domain/catalogue-types';
import type { TopologyDocument } from '@/domain/document';
import { placedByRestore } from '@/domain/edits/layout-edits';
import type { LayoutPlacement, Size } from '@/domain/layout/layout-types';
import { message } from '@/domain/message';
import { type AppState, sameDocument, toDocument } from '@/store/app-store';
import { useAppStoreApi } from '@/store/store-context';

/** Lays a document out (`runLayout`): positions per host id, boxes per zone and site. */
export type LayoutRunner = (
  document: TopologyDocument,
  sizes: Readonly<Record<string, Size>>,
  catalogue: Catalogue,
) => Promise<LayoutPlacement>;

/** What asked for the layout: the Tidy command, or a document that was opened without one. */
type Reason = 'command' | 'opened';

/** Two frames: the canvas draws a document just opened and measures its hosts before layout reads sizes. */
const afterPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/** A layout that takes longer than this says so in a notice too (the first one loads elkjs). */
const SLOW_MS = 400;

/** The parts whose change makes a running layout's result stale (the brief: compared by identity). */
const sameGraph = (a: AppState, b: AppState) =>
  a.hosts === b.hosts && a.links === b.links && a.zones === b.zones;

/**
 * The Tidy command and its busy state. A document opened without a layout (every host on
 * restore's fallback grid) is tidied as soon as it is drawn, in the same undo step as the load.
 *
 * @param runLayout - the automatic layout (src/layout's `runLayout`)
 * @returns `tidy` to run it and `tidying` while it runs
 */
export function useTidy(runLayout: LayoutRunner): { tidy: () => void; tidying: boolean } {
  const store = useAppStoreApi();
  const [tidying, setTidying] = useState(false);
  const running = useRef(false);
  const mounted = useRef(true);

  const run = useCallback(
    async (reason: Reason) => {
      if (running.current) return;
      const start = store.getState();
      if (start.hosts.length === 0) return;
      running.current = true;
      setTidying(true);
      let notice: number | undefined;
      const slow = setTimeout(() => {
        notice = store
          .getState()
          .notify({ tone: 'info', title: message('notices:tidy.running'), sticky: true });
      }, SLOW_MS);
      try {
        if (reason === 'opened') await afterPaint();
        const before = store.getState();
        // Something else happened between the load and its first paint: leave it as it is.
        if (reason === 'opened' && !sameDocument(before, start)) return;
        const placement = await runLayout(toDocument(before), before.measured, before.catalogue);
        const now = store.getState();
        if (reason === 'opened') {
          // Folded into the load's undo step only when nothing else was recorded since.
          if (sameDocument(now, before)) {
            now.applyLayout(placement.positions, { sameStep: true, zoneBoxes: placement.zoneBoxes });
          }
        } else if (sameGraph(now, before)) {
          now.applyLayout(placement.positions, { zoneBoxes: placement.zoneBoxes });
        } else {
          now.notify({
            tone: 'info',
            title: message('notices:tidy.changed'),
          });
        }
      } catch (error) {
        store.getState().notify({
          tone: 'error',
          title: message('notices:tidy.failed'),
          details: [error instanceof Error ? error.message : String(error)],
        });
      } finally {
        clearTimeout(slow);
        if (notice !== undefined) store.getState().dismissNotice(notice);
        running.current = false;
        if (mounted.current) setTidying(false);
      }
    },
    [store, runLayout],
  );

  // A document was opened or added (the canvas is asked to fit it): tidy it when it came without a layout.
  useEffect(() => {
    mounted.current = true;
    const stop = store.subscribe((state, previous) => {
      // New hosts too: Tidy's own fit request (its layout may leave a lone host where it was) is no load.
      const loaded = state.fitRequest !== previous.fitRequest && state.hosts !== previous.hosts;
      if (loaded && placedByRestore(state)) void run('opened');
    });
    return () => {
      mounted.current = false;
      stop();
    };
  }, [store, run]);

  const tidy = useCallback(() => void run('command'), [run]);
  return { tidy, tidying };
}
