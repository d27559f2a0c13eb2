/**
 * The benchmark's baseline: a bare @xyflow/react page showing the same hosts and links as the app
 * (default nodes labelled with the host name and its role badges' text, default edges), nothing
 * else. Zones are React Flow's own group nodes, parents of their hosts and nested zones, as the app
 * draws them. The flow element gets the app's size and the app's view after its mount (URL:
 * `doc`, `w`, `h`, `x`, `y`, `zoom`), at the window's top-left corner.
 */
import { type Edge, type Node, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createRoot } from 'react-dom/client';
import type { BareDocument } from './bare-document';

/** Zones as group nodes, parents before children, positions relative to the parent. */
function zoneNodes(doc: BareDocument): Node[] {
  const byId = new Map(doc.zones.map((z) => [z.id, z]));
  const nodes: Node[] = [];
  const done = new Set<string>();
  const add = (id: string) => {
    const zone = byId.get(id);
    if (!zone || done.has(id)) return;
    done.add(id);
    const parent = zone.parent === undefined ? undefined : byId.get(zone.parent)?.box;
    if (parent) add(zone.parent as string);
    nodes.push({
      id: `zone/${id}`,
      type: 'group',
      position: parent ? { x: zone.box.x - parent.x, y: zone.box.y - parent.y } : zone.box,
      ...(parent ? { parentId: `zone/${zone.parent}` } : {}),
      width: zone.box.width,
      height: zone.box.height,
      zIndex: -100,
      data: {},
    });
  };
  for (const zone of doc.zones) add(zone.id);
  return nodes;
}

async function main() {
  const params = new URLSearchParams(location.search);
  const num = (key: string) => Number(params.get(key));
  const doc = (await (await fetch(`./${params.get('doc')}`)).json()) as BareDocument;
  const boxes = new Map(doc.zones.map((z) => [z.id, z.box]));
  const hostNodes: Node[] = doc.hosts.map((h) => {
    const box = h.zone === undefined ? undefined : boxes.get(h.zone);
    return {
      id: h.id,
      position: box ? { x: h.x - box.x, y: h.y - box.y } : { x: h.x, y: h.y },
      ...(box ? { parentId: `zone/${h.zone}` } : {}),
      data: { label: h.label },
    };
  });
  const nodes = [...zoneNodes(doc), ...hostNodes];
  const edges: Edge[] = doc.links.map((l) => ({ id: l.id, source: l.source, target: l.target }));
  const viewport = { x: num('x'), y: num('y'), zoom: num('zoom') };
  createRoot(document.getElementById('root')!).render(
    <div style={{ width: num('w'), height: num('h') }}>
      <ReactFlow defaultNodes={nodes} defaultEdges={edges} defaultViewport={viewport} minZoom={0.02} />
    </div>,
  );
}

void main();
