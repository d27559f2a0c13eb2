import { ReactFlowProvider } from '@xyflow/react';
import { DiagramCanvas } from '@/canvas/diagram-canvas';
import type { TopologyDocument } from '@/domain/document';
import { makeStore } from '../builders';
import { renderWithStore } from '../panels/render-with-store';

/** The canvas alone on a store holding `doc`, with a lookup of a node's element by id. */
export function renderCanvas(doc: TopologyDocument) {
  const store = makeStore(doc);
  const view = renderWithStore(
    store,
    <div style={{ width: 1000, height: 700 }}>
      <ReactFlowProvider>
        <DiagramCanvas />
      </ReactFlowProvider>
    </div>,
  );
  const node = (id: string) =>
    view.container.querySelector(`.react-flow__node[data-id="${id}"]`) as HTMLElement | null;
  return { store, node, ...view };
}
