/**
 * The far layer (issue 15): zoomed out on a large diagram, every host is a few pixels wide and all
 * of them are on screen, so React Flow would mount each one as DOM (a 20,000-host file blocked the
 * page for half a minute). There the hosts are handed to React Flow hidden and drawn instead,
 * boxes and link lines, on one <canvas> the size of the view, repainted when the view moves.
 * Zooming in past {@link FAR_ZOOM} mounts the hosts of the visible area again.
 */
import { type NodeProps, type NodeTypes, useStore as useFlowStore } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_HOST_SIZE } from '@/domain/layout/host-size';
import { columnFor } from '@/domain/layout-column';
import { useAppStore } from '@/store/store-context';
import { useCatalogue } from '@/store/use-catalogue';
import type { CanvasNode, HostNodeType } from './canvas-types';
import { farColours } from './far-colours';
import { type FarFrames, unionBox } from './far-frames';
import { createFarPainter, type FarPainted, type FarPainter, type FarPicture } from './far-paint';
import { FarPrint, type PrintBox } from './far-print';
import { type FarScene, farScene } from './far-scene';
import { type Bounds, boundsAfter } from './host-bounds';
import { nodeTypes } from './registry';

/** Above this many hosts a zoomed-out view draws them on the far layer. */
export const FAR_HOSTS_ABOVE = 2000;
/** Below this zoom (where link labels are hidden too) the far layer draws the hosts. */
export const FAR_ZOOM = 0.35;
/**
 * Above this many hosts (and up to {@link FAR_HOSTS_ABOVE}) the far layer draws them only below
 * {@link TINY_ZOOM}. Mounting 1,000 hosts and their links as DOM takes seconds of main thread.
 */
export const FAR_TINY_HOSTS_ABOVE = 500;
/**
 * Below this zoom a host is under 18 px wide and its name under 2 px high: there is nothing to
 * read or to connect, and the far layer draws the same boxes and lines.
 */
export const TINY_ZOOM = 0.1;

/** Whether a diagram of `hostCount` hosts is ever drawn on the far layer. */
export const farCapable = (hostCount: number) => hostCount > FAR_TINY_HOSTS_ABOVE;
/**
 * The id of an invisible node as large as all hosts together. Hidden hosts do not count when
 * React Flow fits the view; this node does. Its prefix is a site's, whose size changes the
 * canvas's change handler ignores.
 */
export const FAR_BOUNDS_ID = 'site/\u0000far-bounds';

/** The stand-in node: an empty box that takes no pointer events. */
const FarBounds = memo(function FarBounds(_: NodeProps) {
  return null;
});

/** The canvas's node types and the stand-in's (a module constant, like registry.ts's). */
export const farNodeTypes: NodeTypes = { ...nodeTypes, 'far-bounds': FarBounds };

const hiddenCopies = new WeakMap<HostNodeType, HostNodeType>();

/** A host node's hidden copy, kept while the node is the same object: React Flow re-adopts only changed nodes. */
function hiddenCopy(node: HostNodeType): HostNodeType {
  let copy = hiddenCopies.get(node);
  if (!copy) {
    copy = { ...node, hidden: true };
    hiddenCopies.set(node, copy);
  }
  return copy;
}

/**
 * The nodes React Flow gets: in far view every host hidden (so none mounts), with the stand-in
 * for fitting; a large diagram keeps the stand-in near too, so a fit takes in hosts never measured.
 *
 * @param nodes - the canvas's nodes
 * @param far - the far layer draws the hosts
 * @param bounds - the box around all hosts, when the diagram is large
 */
export function farNodes(
  nodes: readonly CanvasNode[],
  far: boolean,
  bounds: { x: number; y: number; width: number; height: number } | undefined,
): CanvasNode[] {
  const out: CanvasNode[] = far ? nodes.map((n) => (n.type === 'host' ? hiddenCopy(n) : n)) : [...nodes];
  if (bounds) out.push(boundsNode(bounds));
  return out;
}

const boundsNodes = new WeakMap<object, CanvasNode>();

/** The stand-in for `bounds`, the same object while the box is (React Flow re-adopts none). */
function boundsNode(bounds: { x: number; y: number; width: number; height: number }): CanvasNode {
  const known = boundsNodes.get(bounds);
  if (known) return known;
  const size = { width: bounds.width, height: bounds.height };
  const node = {
    id: FAR_BOUNDS_ID,
    type: 'far-bounds',
    position: { x: bounds.x, y: bounds.y },
    ...size,
    measured: size,
    data: {},
    draggable: false,
    selectable: false,
    connectable: false,
    deletable: false,
    focusable: false,
    zIndex: -1000,
    style: { pointerEvents: 'none', visibility: 'hidden' },
  } as unknown as CanvasNode;
  boundsNodes.set(bounds, node);
  return node;
}

/**
 * The box around all hosts, for {@link farNodes}, and around the zones and site bands the far
 * layer draws (they are no nodes a fit takes in); undefined for a diagram never drawn far.
 */
export function useHostBounds(large: boolean, frames?: FarFrames) {
  const hosts = useAppStore((s) => s.hosts);
  const layout = useAppStore((s) => s.layout);
  const measured = useAppStore((s) => s.measured);
  const column = useAppStore((s) => s.layoutColumn);
  // An edit inside the drawing keeps the box (no walk over every host's position).
  const last = useRef<Bounds | undefined>(undefined);
  const box = useMemo(() => {
    if (!large) return undefined;
    const xy = columnFor(column, hosts, layout);
    last.current = boundsAfter({ hosts, layout, measured, xy }, DEFAULT_HOST_SIZE, last.current);
    return last.current.box;
  }, [large, hosts, layout, measured, column]);
  return useMemo(() => (large ? unionBox(box, frames?.bounds) : undefined), [large, box, frames]);
}

const painters = new WeakMap<
  HTMLCanvasElement,
  { painter: FarPainter; painted: (done: FarPainted) => void }
>();

/** The painter of `canvas`, one per element; `painted` is called after each paint. */
function painterOf(canvas: HTMLCanvasElement) {
  let made = painters.get(canvas);
  if (!made) {
    const entry = { painted: (_: FarPainted) => {}, painter: undefined as unknown as FarPainter };
    entry.painter = createFarPainter(canvas, (done) => entry.painted(done));
    painters.set(canvas, entry);
    made = entry;
  }
  return made;
}

/**
 * The far layer: a <canvas> over the view (under the panels, taking no pointer events) that draws
 * every host and link while `far`, and while a print is laid out (`print`, use-print-fit.ts) a
 * second one for the paper, painted here at once. Mount it inside <ReactFlow>.
 */
export function FarLayer({
  far,
  print,
  frames,
  awaitingFit = false,
}: {
  far: boolean;
  print?: PrintBox | undefined;
  /** Zones and site bands to draw too (very far: they are not nodes then). */
  frames?: FarFrames | undefined;
  /** Another diagram's hosts are about to be fitted (far-mode.ts): no paint at the old view. */
  awaitingFit?: boolean;
}) {
  const catalogue = useCatalogue();
  const hosts = useAppStore((s) => s.hosts);
  const links = useAppStore((s) => s.links);
  const layout = useAppStore((s) => s.layout);
  const measured = useAppStore((s) => s.measured);
  const selectedHostIds = useAppStore((s) => s.selectedHostIds);
  const places = useAppStore((s) => s.linkPlaces);
  const column = useAppStore((s) => s.layoutColumn);
  const transform = useFlowStore((s) => s.transform);
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  const [canvas, setCanvas] = useState<HTMLCanvasElement | null>(null);
  // Paints so far: tests and the edit bench wait for the one after a change.
  const paints = useRef(0);
  // The last scene: the next one keeps what an edit did not change (issue 18).
  const last = useRef<FarScene | undefined>(undefined);
  const scene = useMemo(() => {
    if (!far) return undefined;
    const input = {
      hosts,
      links,
      layout,
      measured,
      selectedHostIds,
      catalogue,
      size: DEFAULT_HOST_SIZE,
      places,
      xy: columnFor(column, hosts, layout),
    };
    last.current = farScene(input, last.current);
    return last.current;
  }, [far, hosts, links, layout, measured, selectedHostIds, catalogue, places, column]);
  // The scene with the frames, when it draws them: a new picture only when either changed.
  const picture = useMemo<FarPicture | undefined>(
    () => (scene && frames ? { ...scene, frames } : scene),
    [scene, frames],
  );
  // One painter per canvas element: a worker where the page can hand the canvas over (issue 18).
  const [painter, setPainter] = useState<FarPainter | undefined>(undefined);
  useEffect(() => {
    if (!canvas) return;
    const made = painterOf(canvas);
    made.painted = (done) => {
      // The paint's figures for the bench (a worker's paint shows without the page's thread: when it
      // ended, in the page's time), then its host count, which tests and the bench wait for.
      canvas.setAttribute('data-paint-ms', done.ms.toFixed(1));
      canvas.setAttribute('data-paint-zoom', String(done.zoom));
      canvas.setAttribute('data-painted-at', (done.at - performance.timeOrigin).toFixed(1));
      canvas.setAttribute('data-hosts', String(done.hosts));
      paints.current += 1;
      canvas.setAttribute('data-paints', String(paints.current));
    };
    setPainter(made.painter);
    return () => {
      setPainter(undefined);
      // A canvas handed to a worker cannot be handed again: the painter lives as long as the element
      // (an effect run twice over the same element, as StrictMode does, keeps it).
      setTimeout(() => {
        if (canvas.isConnected) return;
        made.painter.dispose();
        painters.delete(canvas);
      }, 0);
    };
  }, [canvas]);
  // The canvas takes the pane's size while the page is idle, not when a large document's first paint
  // asks for it (a worker's canvas resized waits for the page's thread: far-worker-side.ts).
  useEffect(() => {
    if (!painter || !(width > 0 && height > 0)) return;
    const dpr = window.devicePixelRatio || 1;
    painter.size(Math.round(width * dpr), Math.round(height * dpr));
  }, [painter, width, height]);
  // The view when a fit of another diagram's hosts was asked for: until the fit moves it, a paint
  // would show them at the last diagram's zoom (100,000 hosts at its zoom took the worker 0.85 s).
  const fitFrom = useRef<typeof transform | undefined>(undefined);
  if (!awaitingFit) fitFrom.current = undefined;
  else fitFrom.current ??= transform;
  const holding = awaitingFit && fitFrom.current === transform;
  useEffect(() => {
    if (!canvas || !painter || !picture) return;
    const dpr = window.devicePixelRatio || 1;
    const at = {
      view: transform,
      width: Math.round(width * dpr),
      height: Math.round(height * dpr),
      dpr,
      palette: farColours(canvas),
    };
    if (!holding) {
      painter.paint(picture, at);
      return;
    }
    // The fit comes in the next frame; should it not move the view, paint a frame later anyway.
    painter.clear();
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => painter.paint(picture, at));
    });
    return () => cancelAnimationFrame(frame);
  }, [canvas, painter, picture, transform, width, height, holding]);
  const drawn = picture !== undefined;
  useEffect(() => {
    if (drawn || !painter) return;
    painter.clear();
    // The count says what the canvas shows: nothing now (a wait for the next far view's paint
    // must not be met by this one's).
    canvas?.removeAttribute('data-hosts');
  }, [drawn, painter, canvas]);
  // The canvas stays, hidden, while the view is near: it and its worker are made ready as the canvas
  // mounts, not when a large document opens and the page's thread is busy. A canvas handed to a
  // worker waits for the page's thread when its context is first made: the 100,000-host picture
  // came 2 s late, after the checks (issue 18).
  return (
    <>
      <canvas
        ref={setCanvas}
        className="far-layer"
        data-testid={drawn ? 'far-layer' : undefined}
        style={{
          position: 'absolute',
          inset: 0,
          width,
          height,
          pointerEvents: 'none',
          zIndex: 4,
          visibility: drawn ? 'visible' : 'hidden',
        }}
      />
      {print && picture && <FarPrint scene={picture} view={transform} box={print} />}
    </>
  );
}
