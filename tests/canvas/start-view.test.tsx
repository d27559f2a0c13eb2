/** @vitest-environment jsdom */
import { getViewportForBounds, type Viewport } from '@xyflow/react';
import { useRef } from 'react';
import { useStartView } from '@/canvas/use-start-view';
import { DEFAULT_HOST_SIZE } from '@/domain/layout/layout-graph';
import { makeDocument, makeHost, makeStore } from '../builders';
import { renderWithStore } from '../panels/render-with-store';

const OPTIONS = { padding: 0.08, maxZoom: 1.25 };
const doc = makeDocument([makeHost('a', ['client']), makeHost('b', ['client'])], [], {
  layout: { a: { x: 0, y: 0 }, b: { x: 4000, y: 1200 } },
});

/** Hands the hook an element whose box is 800×600 (jsdom lays nothing out) and reports its view. */
function Probe({ fit, seen }: { fit: boolean; seen: Viewport[] }) {
  const wrapper = useRef<HTMLDivElement>(null);
  seen.push(useStartView(wrapper, fit, OPTIONS, 0.02));
  return (
    <div
      ref={(element) => {
        wrapper.current = element;
        if (element) element.getBoundingClientRect = () => ({ width: 800, height: 600 }) as DOMRect;
      }}
    />
  );
}

function startView(fit: boolean): Viewport {
  const seen: Viewport[] = [];
  renderWithStore(makeStore(doc), <Probe fit={fit} seen={seen} />);
  return seen[0]!;
}

describe('the canvas start view', () => {
  it('is the fit of the hosts at their default size in the canvas box, filled in before React Flow reads it', () => {
    const { width, height } = DEFAULT_HOST_SIZE;
    const bounds = { x: 0, y: 0, width: 4000 + width, height: 1200 + height };
    expect(startView(true)).toEqual(getViewportForBounds(bounds, 800, 600, 0.02, 1.25, 0.08));
  });

  it('stays at zoom 1 when the canvas does not fit at mount', () => {
    expect(startView(false)).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});
