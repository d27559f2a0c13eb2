/**
 * The far layer (issue 15): zoomed out on a large diagram, every host is a few pixels wide and all
 * of them are on screen, so React Flow would mount each one as DOM (a 20,000-host file blocked the
 * page for half a minute). There the hosts are handed to React Flow hidden and drawn instead,
 * boxes and link lines, on one <canvas> the size of the view, repainted when the view moves.
 * Zooming in past {@link FAR_ZOOM} mounts the hosts of the visible area again.
 */
import { type NodeProps, type NodeTypes, useStore as useFlowStore } from '@xyflow/react';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_HOST_SIZE } from '@/domain/layout/layout-graph';
import { useAppStore } from '@/store/store-context';
import { useCatalogue } from '@/store/use-catalogue';
import type { CanvasNode, HostNodeType } from './canvas-types';
import { type Bounds, boundsAfter, type FarScene, farScene } from './far-scene';
import { nodeTypes } from './registry';

/** Above this many hosts a zoomed-out view draws them on the far layer. */
export const FAR_HOSTS_ABOVE = 2000;
/** Below this zoom (where link labels are hidden too) the far layer draws the hosts. */
export const FAR_ZOOM = 0.35;
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

/**
 * Whether the far layer draws the hosts: a large diagram seen from far, or about to be fitted
 * (a document just opened is fitted a frame after it is drawn; until then the zoom is the old one's).
 *
 * @param hostCount - hosts in the document
 * @param fitting - a fit of the whole diagram is on its way
 */
export function useFarView(hostCount: number, fitting: boolean): boolean {
  const far = useFlowStore((s) => s.transform[2] < FAR_ZOOM);
  return hostCount > FAR_HOSTS_ABOVE && (far || fitting);
}

/** How long a fit of a document just opened may take before the zoom alone decides again. */
const FIT_SETTLES_MS = 3000;

/**
 * Far view, and what the canvas calls when the view stops moving. A document just opened (its fit
 * request) or, with `fitAtMount`, the first one counts as far until its fit ends, so its hosts never
 * mount at the old zoom before the view zooms out.
 *
 * @param hostCount - hosts in the document
 * @param fitAtMount - the canvas fits the view when it mounts
 */
export function useFarMode(hostCount: number, fitAtMount: boolean): { far: boolean; settle: () => void } {
  const fitRequest = useAppStore((s) => s.fitRequest);
  const [settled, setSettled] = useState(() => (fitAtMount ? -1 : fitRequest));
  const fitting = settled !== fitRequest;
  useEffect(() => {
    if (!fitting) return;
    // A fit that moves nothing ends no move: the zoom decides after a while anyway.
    const id = setTimeout(() => setSettled(fitRequest), FIT_SETTLES_MS);
    return () => clearTimeout(id);
  }, [fitting, fitRequest]);
  const settle = useCallback(() => setSettled(fitRequest), [fitRequest]);
  return { far: useFarView(hostCount, fitting), settle };
}

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

/** The box around all hosts, for {@link farNodes}; undefined for a diagram that is not large. */
export function useHostBounds(large: boolean) {
  const hosts = useAppStore((s) => s.hosts);
  const layout = useAppStore((s) => s.layout);
  const measured = useAppStore((s) => s.measured);
  // An edit inside the drawing keeps the box (no walk over every host's position).
  const last = useRef<Bounds | undefined>(undefined);
  return useMemo(() => {
    if (!large) return undefined;
    last.current = boundsAfter({ hosts, layout, measured }, DEFAULT_HOST_SIZE, last.current);
    return last.current.box;
  }, [large, hosts, layout, measured]);
}

/** The far layer's colours, read from the page's style once per theme (a read forces a style recalculation). */
interface FarColours {
  readonly theme: string | undefined;
  readonly link: string;
  readonly host: string;
  readonly chosen: string;
}

const coloursOf = new WeakMap<Element, FarColours>();

function farColours(element: Element): FarColours {
  const theme = document.documentElement.dataset.theme;
  const known = coloursOf.get(element);
  if (known && known.theme === theme) return known;
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const colours = {
    theme,
    link: read('--link-neutral', '#94a3b8'),
    host: read('--canvas-far-host', '#cbd5e1'),
    chosen: read('--canvas-far-host-selected', '#3b82f6'),
  };
  coloursOf.set(element, colours);
  return colours;
}

/** Paints the scene on `canvas` as the view [tx, ty, zoom] shows it. */
function paint(canvas: HTMLCanvasElement, scene: FarScene, view: readonly [number, number, number]) {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const dpr = window.devicePixelRatio || 1;
  const [tx, ty, zoom] = view;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
  // What is in view, in diagram units (a margin so boxes and lines at the edge are drawn whole).
  const x0 = -tx / zoom - 200;
  const y0 = -ty / zoom - 200;
  const x1 = x0 + canvas.width / dpr / zoom + 400;
  const y1 = y0 + canvas.height / dpr / zoom + 400;
  const { x, y, w, h, colour, links, selected, colours } = scene;
  const palette = farColours(canvas);
  ctx.strokeStyle = palette.link;
  ctx.globalAlpha = 0.35;
  ctx.lineWidth = 1 / zoom;
  ctx.beginPath();
  for (let i = 0; i < links.length; i += 2) {
    const a = links[i]!;
    const b = links[i + 1]!;
    const ax = x[a]! + w[a]! / 2;
    const ay = y[a]! + h[a]! / 2;
    const bx = x[b]! + w[b]! / 2;
    const by = y[b]! + h[b]! / 2;
    if ((ax < x0 && bx < x0) || (ax > x1 && bx > x1) || (ay < y0 && by < y0) || (ay > y1 && by > y1))
      continue;
    ctx.moveTo(ax, ay);
    ctx.lineTo(bx, by);
  }
  ctx.stroke();
  ctx.globalAlpha = 1;
  // Hosts are sorted by colour: one fillStyle per run. A box in the far-host grey, its role's colour on top.
  ctx.fillStyle = palette.host;
  for (let i = 0; i < x.length; i += 1) {
    if (x[i]! > x1 || y[i]! > y1 || x[i]! + w[i]! < x0 || y[i]! + h[i]! < y0) continue;
    ctx.fillRect(x[i]!, y[i]!, w[i]!, h[i]!);
  }
  let current = -1;
  for (let i = 0; i < x.length; i += 1) {
    if (x[i]! > x1 || y[i]! > y1 || x[i]! + w[i]! < x0 || y[i]! + h[i]! < y0) continue;
    if (colour[i] !== current) {
      current = colour[i]!;
      ctx.fillStyle = colours[current]!;
    }
    ctx.fillRect(x[i]!, y[i]!, w[i]!, h[i]! / 3);
  }
  ctx.fillStyle = palette.chosen;
  for (const i of selected) ctx.fillRect(x[i]!, y[i]!, w[i]!, h[i]!);
}

/**
 * The far layer: a <canvas> over the view (under the panels, taking no pointer events) that draws
 * every host and link while `far`. Mount it inside <ReactFlow>.
 */
export function FarLayer({ far }: { far: boolean }) {
  const catalogue = useCatalogue();
  const hosts = useAppStore((s) => s.hosts);
  const links = useAppStore((s) => s.links);
  const layout = useAppStore((s) => s.layout);
  const measured = useAppStore((s) => s.measured);
  const selectedHostIds = useAppStore((s) => s.selectedHostIds);
  const transform = useFlowStore((s) => s.transform);
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  const canvas = useRef<HTMLCanvasElement>(null);
  // Paints so far: tests and the edit bench wait for the one after a change.
  const paints = useRef(0);
  // The last scene: the next one keeps what an edit did not change (issue 18).
  const last = useRef<FarScene | undefined>(undefined);
  const scene = useMemo(() => {
    if (!far) return undefined;
    const input = { hosts, links, layout, measured, selectedHostIds, catalogue, size: DEFAULT_HOST_SIZE };
    last.current = farScene(input, last.current);
    return last.current;
  }, [far, hosts, links, layout, measured, selectedHostIds, catalogue]);
  useEffect(() => {
    const el = canvas.current;
    if (!el || !scene) return;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(width * dpr);
    const h = Math.round(height * dpr);
    if (el.width !== w) el.width = w;
    if (el.height !== h) el.height = h;
    // One paint per frame however often the view moves.
    const id = requestAnimationFrame(() => {
      paint(el, scene, transform);
      el.setAttribute('data-hosts', String(scene.x.length));
      paints.current += 1;
      el.setAttribute('data-paints', String(paints.current));
    });
    return () => cancelAnimationFrame(id);
  }, [scene, transform, width, height]);
  if (!scene) return null;
  return (
    <canvas
      ref={canvas}
      className="far-layer"
      data-testid="far-layer"
      style={{ position: 'absolute', inset: 0, width, height, pointerEvents: 'none', zIndex: 4 }}
    />
  );
}
