/**
 * The benchmark's baseline: a bare @xyflow/react page showing the same hosts and links as the app
 * (default nodes labelled with the host name and role badges, default edges), nothing else.
 */
import { type Edge, type Node, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createRoot } from 'react-dom/client';
import type { TopologyDocument } from '@/domain/document';

async function main() {
  const doc = (await (await fetch('./doc.json')).json()) as TopologyDocument;
  const nodes: Node[] = doc.hosts.map((h) => ({
    id: h.id,
    position: doc.layout[h.id] ?? { x: 0, y: 0 },
    data: { label: `${h.name} ${h.roles.join(' ')}` },
  }));
  const edges: Edge[] = doc.links.map((l) => ({ id: l.id, source: l.source, target: l.target }));
  createRoot(document.getElementById('root')!).render(
    <div style={{ width: '100vw', height: '100vh' }}>
      <ReactFlow defaultNodes={nodes} defaultEdges={edges} fitView minZoom={0.02} />
    </div>,
  );
}

void main();
