import { ReactFlowProvider } from '@xyflow/react';
import type { ReactNode } from 'react';
import { DiagramCanvas } from '@/canvas/diagram-canvas';
import type { TopologyDocument } from '@/domain/document';
import { makeStore } from '../builders';
import { renderWithStore } from '../panels/render-with-store';

/**
 * The canvas alone on a store holding `doc`, with a lookup of a node's element by id; `inside` is
 * rendered beside the canvas within its React Flow provider (e.g. a probe of React Flow's store).
 */
export function renderCanvas(doc: TopologyDocument, inside?: ReactNode) {
  const store = makeStore(doc);
  const view = renderWithStore(
    store,
    <div style={{ width: 1000, height: 700 }}>
      <ReactFlowProvider>
        <DiagramCanvas />
        {inside}
      </ReactFlowProvider>
    </div>,
  );
  const node = (id: string) =>
    view.container.querySelector(`.react-flow__node[data-id="${id}"]`) as HTMLElement | null;
  return { store, node, ...view };
}
