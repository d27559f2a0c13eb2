/**
 * The one place that knows where elkjs runs. `loadElk()` imports it on first use only: in the
 * browser elkjs's own worker build (`elk-worker.min.js`, a classic worker script) behind its API,
 * so the page's thread stays free; in Node and vitest (no `Worker`, no window) the bundled build
 * in-process. Both come from dynamic imports, so neither is in the first page load.
 */
import type { LayoutNode } from '@/domain/layout/layout-types';

/** Lays out an ELK graph; the result has x, y, width and height on every node. */
export interface ElkRunner {
  layout(graph: LayoutNode): Promise<LayoutNode>;
}

let loading: Promise<ElkRunner> | undefined;

const inBrowser = () => typeof window !== 'undefined' && typeof Worker !== 'undefined';

/**
 * The shared elkjs runner, loaded on the first call and reused after.
 *
 * @returns A runner backed by a Web Worker in the browser, in-process elsewhere.
 */
export function loadElk(): Promise<ElkRunner> {
  // A production build is always for the browser: `import.meta.env.PROD` (Vite's, absent under
  // plain Node) is then a literal true and the bundler drops the in-process build (2.6 MB).
  loading ??= (import.meta.env?.PROD || inBrowser() ? import('./elk-browser') : import('./elk-in-process'))
    .then((m) => m.createElkRunner())
    .catch((error: unknown) => {
      // A failed load (offline, chunk gone after a deploy) may succeed on the next try.
      loading = undefined;
      throw error;
    });
  return loading;
}
