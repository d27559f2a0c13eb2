/** elkjs in the browser: its API on the page, its layout code in its own worker build. */
import ELK, { type ElkNode } from 'elkjs/lib/elk-api.js';
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { LayoutNode } from '@/domain/layout/layout-types';
import type { ElkRunner } from './elk-runner';

/** A runner whose layouts run in one Web Worker, started now and kept for later layouts. */
export function createElkRunner(): ElkRunner {
  const elk = new ELK({ workerUrl, algorithms: ['layered'] });
  return { layout: (graph) => elk.layout(graph as ElkNode) as Promise<LayoutNode> };
}
