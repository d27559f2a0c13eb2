/** elkjs in Node and vitest: the bundled build, on this thread (there is no page to keep free). */
import ELK, { type ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { LayoutNode } from '@/domain/layout/layout-types';
import type { ElkRunner } from './elk-runner';

/** A runner that lays out in this process. */
export function createElkRunner(): ElkRunner {
  const elk = new ELK({ algorithms: ['layered'] });
  return { layout: (graph) => elk.layout(graph as ElkNode) as Promise<LayoutNode> };
}
