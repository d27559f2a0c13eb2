/** @vitest-environment jsdom */
import { act } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import { DiagramCanvas } from '@/canvas/diagram-canvas';
import { LabelLayoutProvider } from '@/canvas/label-layout-provider';
import { linkModels } from '@/canvas/link-model';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import { makeDocument, makeHost, makeLink, makeStore } from '../builders';
import { renderWithStore } from '../panels/render-with-store';

const VIEW = { detail: 'full', scale: 1 } as const;

/** The canvas with its labels placed, on hosts measured at their drawn size. */
function renderPlaced(layout: Record<string, { x: number; y: number }>) {
  const doc = makeDocument(
    [makeHost('pc', ['client']), makeHost('mp', ['management-point']), makeHost('dc', ['client'])],
    [makeLink('pc', 'mp', 'l1')],
    { layout },
  );
  const store = makeStore(doc);
  const models = linkModels(doc.links, deriveFlows(doc, catalogue).flows, catalogue);
  const view = renderWithStore(
    store,
    <div style={{ width: 1000, height: 700 }}>
      <ReactFlowProvider>
        <LabelLayoutProvider models={models} view={VIEW} visibleOnly={false}>
          <DiagramCanvas />
        </LabelLayoutProvider>
      </ReactFlowProvider>
    </div>,
  );
  const size = { width: 172, height: 72 };
  act(() => store.getState().setMeasured({ pc: size, mp: size, dc: size }));
  const edge = () => view.container.querySelector('.react-flow__edge[data-id="l1"] .link-edge');
  const label = () => view.container.querySelector('.link-label') as HTMLElement | null;
  /**
   * Where the label's centre is, and the middle of the link as drawn. jsdom has no layout: React
   * Flow takes nodes for 1 px wide and draws links from other points than the placement's boxes,
   * so the label is compared with the link as drawn.
   */
  const centres = () => {
    const [x, y] = /translate\(([-\d.]+)px, ([-\d.]+)px\)/
      .exec(label()!.style.transform)!
      .slice(1)
      .map(Number) as [number, number];
    const d = edge()!.querySelector('.react-flow__edge-interaction')!.getAttribute('d')!;
    const [x1, y1, x2, y2] = d.match(/[-\d.]+/g)!.map(Number) as [number, number, number, number];
    return { label: { x, y }, middle: { x: (x1 + x2) / 2, y: (y1 + y2) / 2 } };
  };
  return { store, edge, label, centres, ...view };
}

describe('link labels on the canvas', () => {
  it('draws a label clear of a host standing on its link, and hides it where nothing is clear', () => {
    const free = renderPlaced({ pc: { x: 0, y: 0 }, mp: { x: 700, y: 0 }, dc: { x: 0, y: 400 } });
    const atMiddle = free.centres();
    expect(atMiddle.label.x).toBeCloseTo(atMiddle.middle.x, 0);
    expect(atMiddle.label.y).toBeCloseTo(atMiddle.middle.y, 0);
    free.unmount();

    const blocked = renderPlaced({ pc: { x: 0, y: 0 }, mp: { x: 700, y: 0 }, dc: { x: 357, y: -10 } });
    expect(blocked.label()).not.toBeNull();
    const moved = blocked.centres();
    expect(Math.abs(moved.label.x - moved.middle.x)).toBeGreaterThan(40);
    blocked.unmount();

    const hidden = renderPlaced({ pc: { x: 0, y: 0 }, mp: { x: 200, y: 0 }, dc: { x: 100, y: 100 } });
    expect(hidden.label()).toBeNull();
    expect(hidden.edge()).toHaveClass('link-edge--label-hidden');
    // The full text is still on the link's hover title.
    expect(hidden.edge()?.querySelector('title')?.textContent).toMatch(/TCP 80 443 10123/);
  });
});
