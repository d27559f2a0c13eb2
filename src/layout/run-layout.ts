/**
 * `runLayout`: the automatic layout ("Tidy", issue 12) in one call. The domain builds the ELK graph,
 * elkjs lays out its site boxes where `loadElk` says (a worker in the browser), and the domain packs
 * the zones and the top level around them and reads the result back.
 */
import type { Catalogue } from '@/domain/catalogue-types';
import type { TopologyDocument } from '@/domain/document';
import { layoutGraph } from '@/domain/layout/layout-graph';
import { elkBoxes, packLayout } from '@/domain/layout/layout-pack';
import { positionsFrom } from '@/domain/layout/layout-result';
import type { LayoutNode, LayoutPlacement, Size } from '@/domain/layout/layout-types';
import { loadElk } from './elk-runner';

/** Lays out the site boxes side by side as one graph: one call (one worker message), each box on its own. */
const BATCH: LayoutNode['layoutOptions'] = {
  'elk.algorithm': 'fixed',
  'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
};

/**
 * Lays a document out: CAS above primaries above secondaries, site boxes inside zone boxes,
 * clients below, internet and cloud peers on top, no host on another or on a zone border.
 *
 * @param document - The document to lay out.
 * @param sizes - Host sizes as measured on the canvas (the store's `measured`); others get a default.
 * @param catalogue - The document's catalogue, to tell clients and cloud peers by their roles.
 * @returns Absolute top-left positions per host id, and boxes per zone id and site code.
 */
export async function runLayout(
  document: TopologyDocument,
  sizes: Readonly<Record<string, Size>> = {},
  catalogue?: Catalogue,
): Promise<LayoutPlacement> {
  const graph = layoutGraph(document, sizes, catalogue);
  const boxes = elkBoxes(graph);
  const laidOut = new Map<string, LayoutNode>();
  if (boxes.length > 0) {
    const elk = await loadElk();
    const batch = await elk.layout({ id: 'batch', layoutOptions: BATCH, children: boxes });
    for (const box of batch.children ?? []) laidOut.set(box.id, box);
  }
  return positionsFrom(packLayout(graph, laidOut));
}
