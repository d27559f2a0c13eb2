/**
 * `runLayout`: the automatic layout ("Tidy", issue 12) in one call. The domain builds the ELK graph
 * and reads the result back; elkjs runs where `loadElk` says (a worker in the browser).
 */
import type { Catalogue } from '@/domain/catalogue-types';
import type { TopologyDocument } from '@/domain/document';
import { layoutGraph } from '@/domain/layout/layout-graph';
import { positionsFrom } from '@/domain/layout/layout-result';
import type { LayoutPlacement, Size } from '@/domain/layout/layout-types';
import { loadElk } from './elk-runner';

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
  const elk = await loadElk();
  return positionsFrom(await elk.layout(graph));
}
