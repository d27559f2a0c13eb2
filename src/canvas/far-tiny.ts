/**
 * The far layer when every host is smaller than a device pixel (a 100,000-host estate seen whole:
 * 408,401 lines and 200,000 boxes, most of them on the same few thousand pixels, took 0.4–0.8 s
 * per paint). There each host is the device pixel its centre falls on, in its role's colour, and a
 * link the line between the pixels of its hosts: drawn once per pixel and per pair of pixels, and
 * not at all when both hosts share a pixel. Pure but for the context it draws on.
 */
import type { FarPicture } from './far-paint';

type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** The view in device pixels: a diagram unit is `k` pixels, the origin at (ox, oy). */
interface PixelView {
  readonly k: number;
  readonly ox: number;
  readonly oy: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Whether every host of the picture is under one device pixel wide and high at this zoom.
 *
 * @param picture - the boxes
 * @param scale - device pixels per diagram unit (zoom × pixel ratio)
 */
export function hostsUnderAPixel(picture: Pick<FarPicture, 'w' | 'h'>, scale: number): boolean {
  const { w, h } = picture;
  for (let i = 0; i < w.length; i += 1) if (w[i]! * scale >= 1 || h[i]! * scale >= 1) return false;
  return true;
}

/**
 * The device pixel of each host's centre, as `y * width + x`, or -1 outside the canvas.
 *
 * @param picture - the boxes
 * @param view - the view in device pixels
 */
export function hostPixels(picture: Pick<FarPicture, 'x' | 'y' | 'w' | 'h'>, view: PixelView): Int32Array {
  const { x, y, w, h } = picture;
  const { k, ox, oy, width, height } = view;
  const out = new Int32Array(x.length);
  for (let i = 0; i < x.length; i += 1) {
    const px = Math.floor((x[i]! + w[i]! / 2) * k + ox);
    const py = Math.floor((y[i]! + h[i]! / 2) * k + oy);
    out[i] = px < 0 || py < 0 || px >= width || py >= height ? -1 : py * width + px;
  }
  return out;
}

/**
 * The links to draw, as pairs of pixels (`y * width + x`), each pair once, lower pixel first: no
 * pair whose hosts share a pixel, and none with a host outside the canvas (a line to a host off
 * the canvas is drawn through the hosts' centres, as nearer).
 *
 * @param links - source and target index of each link, one after the other
 * @param pixels - each host's pixel ({@link hostPixels})
 * @param pixelCount - how many pixels the canvas has (a pair's key is `low * pixelCount + high`)
 */
export function pixelPairs(links: Int32Array, pixels: Int32Array, pixelCount: number): Float64Array {
  const keys = new Float64Array(links.length / 2);
  let n = 0;
  for (let i = 0; i < links.length; i += 2) {
    const a = pixels[links[i]!]!;
    const b = pixels[links[i + 1]!]!;
    if (a < 0 || b < 0 || a === b) continue;
    keys[n++] = a < b ? a * pixelCount + b : b * pixelCount + a;
  }
  const sorted = keys.subarray(0, n).sort();
  let m = 0;
  for (let i = 0; i < n; i += 1) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[m++] = sorted[i]!;
  return sorted.slice(0, m);
}

/** Draws the links of {@link pixelPairs}, and those with a host off the canvas, in device pixels. */
function paintLinks(ctx: Context, picture: FarPicture, pixels: Int32Array, view: PixelView): void {
  const { width } = view;
  const count = width * view.height;
  const pairs = pixelPairs(picture.links, pixels, count);
  ctx.beginPath();
  for (const key of pairs) {
    const a = Math.floor(key / count);
    const b = key - a * count;
    ctx.moveTo((a % width) + 0.5, Math.floor(a / width) + 0.5);
    ctx.lineTo((b % width) + 0.5, Math.floor(b / width) + 0.5);
  }
  // A link with a host off the canvas (the view panned) is drawn as it is, through its hosts' centres.
  const { links, x, y, w, h } = picture;
  const { k, ox, oy } = view;
  for (let i = 0; i < links.length; i += 2) {
    const a = links[i]!;
    const b = links[i + 1]!;
    if (pixels[a]! >= 0 && pixels[b]! >= 0) continue;
    ctx.moveTo((x[a]! + w[a]! / 2) * k + ox, (y[a]! + h[a]! / 2) * k + oy);
    ctx.lineTo((x[b]! + w[b]! / 2) * k + ox, (y[b]! + h[b]! / 2) * k + oy);
  }
  ctx.stroke();
}

/**
 * The pixels to fill, in drawing order: per run of hosts of one colour (hosts come sorted by
 * colour), each pixel of the run once. Runs are kept in order, so a later colour is on top, as
 * when every box is drawn.
 *
 * @param colour - each host's colour index
 * @param pixels - each host's pixel ({@link hostPixels})
 * @returns the runs as [colour, pixels] with the pixels sorted, none outside the canvas
 */
export function pixelRuns(colour: Int32Array, pixels: Int32Array): [number, Int32Array][] {
  const runs: [number, Int32Array][] = [];
  for (let start = 0; start < colour.length; ) {
    let end = start + 1;
    while (end < colour.length && colour[end] === colour[start]) end += 1;
    const run = pixels.slice(start, end).sort();
    let m = 0;
    for (let i = 0; i < run.length; i += 1)
      if (run[i]! >= 0 && (m === 0 || run[i] !== run[m - 1])) run[m++] = run[i]!;
    if (m > 0) runs.push([colour[start]!, run.subarray(0, m)]);
    start = end;
  }
  return runs;
}

/**
 * Paints links and hosts with every host under a device pixel: hosts as their pixels in their role
 * colour ({@link pixelRuns}), links as lines between pixel centres, a selected host as a square of
 * three device pixels around its own. The context is left drawing in device pixels.
 *
 * @param ctx - the canvas's context, with stroke style, alpha and the like as the links want them
 * @param picture - what to paint
 * @param view - [tx, ty, zoom] of the view, the pixel ratio, and the colour of selected hosts
 * @param size - the canvas in device pixels
 */
export function paintTiny(
  ctx: Context,
  picture: FarPicture,
  view: {
    readonly view: readonly [number, number, number];
    readonly dpr: number;
    readonly palette: { readonly chosen: string };
  },
  size: { readonly width: number; readonly height: number },
): void {
  const [tx, ty, zoom] = view.view;
  const pixelView = { k: zoom * view.dpr, ox: tx * view.dpr, oy: ty * view.dpr, ...size };
  const pixels = hostPixels(picture, pixelView);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.lineWidth = 1;
  paintLinks(ctx, picture, pixels, pixelView);
  ctx.globalAlpha = 1;
  const { width } = size;
  for (const [colour, run] of pixelRuns(picture.colour, pixels)) {
    ctx.fillStyle = picture.colours[colour]!;
    for (const p of run) ctx.fillRect(p % width, Math.floor(p / width), 1, 1);
  }
  ctx.fillStyle = view.palette.chosen;
  for (const i of picture.selected) {
    const p = pixels[i]!;
    if (p >= 0) ctx.fillRect((p % width) - 1, Math.floor(p / width) - 1, 3, 3);
  }
}
