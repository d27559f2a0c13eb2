/**
 * The benchmark's baseline: a bare @xyflow/react page showing the same hosts and links as the app
 * (default nodes labelled with the host name and role badges, default edges), nothing else. A
 * document with zones gets them as React Flow's own group nodes, parents of their hosts and nested
 * zones, as the app draws them. `?doc=<file>` names the document (doc.json without it).
 */
import { type Edge, type Node, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createRoot } from 'react-dom/client';
import type { Position, TopologyDocument } from '@/domain/document';

/** Zones as group nodes, parents before children, positions relative to the parent. */
function zoneNodes(doc: TopologyDocument): Node[] {
  const byId = new Map(doc.zones.map((z) => [z.id, z]));
  const nodes: Node[] = [];
  const done = new Set<string>();
  const add = (id: string) => {
    const zone = byId.get(id);
    if (!zone?.box || done.has(id)) return;
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
  const file = new URLSearchParams(location.search).get('doc') ?? 'doc.json';
  const doc = (await (await fetch(`./${file}`)).json()) as TopologyDocument;
  const boxes = new Map(doc.zones.map((z) => [z.id, z.box]));
  const hostNodes: Node[] = doc.hosts.map((h) => {
    const at: Position = doc.layout[h.id] ?? { x: 0, y: 0 };
    const box = h.zone === undefined ? undefined : boxes.get(h.zone);
    return {
      id: h.id,
      position: box ? { x: at.x - box.x, y: at.y - box.y } : at,
      ...(box ? { parentId: `zone/${h.zone}` } : {}),
      data: { label: `${h.name} ${h.roles.join(' ')}` },
    };
  });
  const nodes = [...zoneNodes(doc), ...hostNodes];
  const edges: Edge[] = doc.links.map((l) => ({ id: l.id, source: l.source, target: l.target }));
  createRoot(document.getElementById('root')!).render(
    <div style={{ width: '100vw', height: '100vh' }}>
      <ReactFlow defaultNodes={nodes} defaultEdges={edges} fitView minZoom={0.02} />
    </div>,
  );
}

void main();
