/**
 * Paints a diagram scene (diagram-scene.ts) on an OffscreenCanvas in the workbook worker and
 * encodes it as PNG, so the picture costs the page's thread nothing. The shapes and colours are
 * diagram-svg.ts's; the canvas draws them itself because no browser decodes an SVG Blob with
 * createImageBitmap in a worker (whatwg/html#10172: Chromium rejects with InvalidStateError).
 */
import {
  type DiagramScene,
  diagramScene,
  EMPTY_LINK_COLOUR,
  NAME_SIZE,
  type SceneInput,
} from './diagram-scene';
import { HOST_RADIUS, LINK_WIDTH, linkStrokes } from './diagram-svg';

/** The part of a 2D context the painter uses (OffscreenCanvasRenderingContext2D has it, and tests fake it). */
export type PaintContext = Pick<
  OffscreenCanvasRenderingContext2D,
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'stroke'
  | 'fill'
  | 'fillRect'
  | 'fillText'
  | 'roundRect'
  | 'setLineDash'
  | 'setTransform'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
  | 'globalAlpha'
>;

/** Draws the scene: white ground, zones, links grouped by colour (one path each), hosts, names. */
export function paintScene(ctx: PaintContext, scene: DiagramScene): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, scene.width, scene.height);
  ctx.setTransform(scene.scale, 0, 0, scene.scale, 0, 0);
  ctx.font = `bold ${NAME_SIZE}px Arial, Helvetica, sans-serif`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  for (const z of scene.zones) {
    ctx.beginPath();
    ctx.roundRect(z.x, z.y, z.width, z.height, 10);
    ctx.globalAlpha = 0.06;
    ctx.fillStyle = z.colour;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.strokeStyle = z.colour;
    ctx.lineWidth = 1.5;
    ctx.stroke();
    if (scene.names) ctx.fillText(z.name, z.x + 10, z.y + 18);
  }
  // One path per colour: a thousand links are a few strokes, not a thousand.
  const byColour = new Map<string, [number, number, number, number][]>();
  for (const link of scene.links) {
    for (const [x1, y1, x2, y2, colour] of linkStrokes(link)) {
      const key = link.colours.length === 0 ? '' : colour;
      const list = byColour.get(key);
      if (list) list.push([x1, y1, x2, y2]);
      else byColour.set(key, [[x1, y1, x2, y2]]);
    }
  }
  ctx.lineWidth = LINK_WIDTH;
  for (const [colour, lines] of byColour) {
    ctx.setLineDash(colour === '' ? [6, 4] : []);
    ctx.strokeStyle = colour === '' ? EMPTY_LINK_COLOUR : colour;
    ctx.beginPath();
    for (const [x1, y1, x2, y2] of lines) {
      ctx.moveTo(x1, y1);
      ctx.lineTo(x2, y2);
    }
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.lineWidth = 3;
  for (const host of scene.hosts) {
    ctx.beginPath();
    ctx.roundRect(host.x, host.y, host.width, host.height, HOST_RADIUS);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.strokeStyle = host.colour;
    ctx.stroke();
  }
  if (!scene.names) return;
  ctx.font = `${NAME_SIZE}px Arial, Helvetica, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#0f172a';
  for (const host of scene.hosts) ctx.fillText(host.name, host.x + host.width / 2, host.y + host.height / 2);
}

/**
 * The scene as PNG bytes, painted on an OffscreenCanvas (workers and pages that have one).
 * Rejects where there is no OffscreenCanvas or the canvas cannot be made (the caller then leaves
 * the picture out and says so).
 */
export async function rasteriseScene(scene: DiagramScene): Promise<Uint8Array> {
  if (typeof OffscreenCanvas === 'undefined') throw new Error('no OffscreenCanvas here');
  const canvas = new OffscreenCanvas(scene.width, scene.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(`no 2D canvas of ${scene.width}×${scene.height} pixels`);
  paintScene(ctx, scene);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * The workbook's diagram picture from the model: the scene of `input`, painted and encoded.
 * Rejects for a diagram without hosts or where no OffscreenCanvas can be made.
 */
export async function drawDiagramPng(input: SceneInput): Promise<Uint8Array> {
  const scene = diagramScene(input);
  if (!scene) throw new Error('the diagram has no hosts');
  return rasteriseScene(scene);
}
