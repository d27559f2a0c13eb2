import type { Link } from '../document';
import type { HostGraph } from './host-graph';

/**
 * The graph slots of every link's ends, numbering ids that name no host yet.
 *
 * @param graph - A graph holding the document's hosts.
 * @param links - The document's links.
 * @param places - Each end's place in the host list, when host `i` has slot `i` (every id once):
 *   then read, not looked up by id.
 * @returns Source and target slot of link `i` at `2i` and `2i + 1`; -1 for a self-link.
 * @example
 * graph.packLinks(links, linkSlots(graph, links));
 */
export function linkSlots(graph: HostGraph, links: readonly Link[], places?: Int32Array): Int32Array {
  const ends = new Int32Array(links.length * 2).fill(-1);
  if (places?.length === ends.length) {
    for (let i = 0; i < links.length; i += 1) {
      const link = links[i] as Link;
      if (link.source === link.target) continue;
      ends[2 * i] = places[2 * i] as number;
      ends[2 * i + 1] = places[2 * i + 1] as number;
    }
    return ends;
  }
  // A host's links often follow one another: the last source's slot is kept, not looked up again.
  let source = '';
  let a = -1;
  for (let i = 0; i < links.length; i += 1) {
    const link = links[i] as Link;
    if (link.source === link.target) continue;
    if (a < 0 || link.source !== source) {
      source = link.source;
      a = graph.slotFor(source);
    }
    ends[2 * i] = a;
    ends[2 * i + 1] = graph.slotFor(link.target);
  }
  return ends;
}
