/**
 * The diagram picture as SVG text, from the model (diagram-scene.ts): hosts, links in their
 * services' colours and zones. Pure, no DOM. The worker does not rasterise this text: no browser
 * decodes an SVG Blob with createImageBitmap in a worker (whatwg/html#10172), so it paints the same
 * scene on an OffscreenCanvas (diagram-paint.ts); both draw the same shapes in the same colours.
 */
import { type DiagramScene, EMPTY_LINK_COLOUR, NAME_SIZE } from './diagram-scene';

/** Link stroke and host outline widths in model units. */
export const LINK_WIDTH = 2;
export const HOST_RADIUS = 6;

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

const n = (value: number) => String(Math.round(value * 10) / 10);

/**
 * A link with several services is drawn as parallel strokes, one per service, side by side.
 *
 * @returns one `[x1, y1, x2, y2, colour]` per stroke
 */
export function linkStrokes(link: DiagramScene['links'][number]): [number, number, number, number, string][] {
  const colours = link.colours.length > 0 ? link.colours : [EMPTY_LINK_COLOUR];
  const dx = link.x2 - link.x1;
  const dy = link.y2 - link.y1;
  const length = Math.hypot(dx, dy) || 1;
  // The unit normal: strokes sit beside each other across the link, centred on it.
  const nx = -dy / length;
  const ny = dx / length;
  return colours.map((colour, i) => {
    const offset = (i - (colours.length - 1) / 2) * LINK_WIDTH * 1.5;
    return [
      link.x1 + nx * offset,
      link.y1 + ny * offset,
      link.x2 + nx * offset,
      link.y2 + ny * offset,
      colour,
    ];
  });
}

/**
 * Writes a scene as a standalone SVG document of `scene.width` × `scene.height` pixels.
 *
 * @example
 * diagramSvg(diagramScene({ document, catalogue, rows })!); // '<svg xmlns="http://www.w3.org/2000/svg" …'
 */
export function diagramSvg(scene: DiagramScene): string {
  const out: string[] = [];
  const w = scene.width / scene.scale;
  const h = scene.height / scene.scale;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${n(w)} ${n(h)}" font-family="Arial, Helvetica, sans-serif">`,
    `<rect width="${n(w)}" height="${n(h)}" fill="#ffffff"/>`,
  );
  for (const z of scene.zones) {
    out.push(
      `<g class="zone"><rect x="${n(z.x)}" y="${n(z.y)}" width="${n(z.width)}" height="${n(z.height)}" rx="10" fill="${z.colour}" fill-opacity="0.06" stroke="${z.colour}" stroke-width="1.5"/>`,
      `<text x="${n(z.x + 10)}" y="${n(z.y + 18)}" font-size="${NAME_SIZE}" font-weight="bold" fill="${z.colour}">${escapeXml(z.name)}</text></g>`,
    );
  }
  for (const link of scene.links) {
    for (const [x1, y1, x2, y2, colour] of linkStrokes(link)) {
      const dash = link.colours.length === 0 ? ' stroke-dasharray="6 4"' : '';
      out.push(
        `<line class="link" x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${colour}" stroke-width="${LINK_WIDTH}"${dash}/>`,
      );
    }
  }
  for (const host of scene.hosts) {
    out.push(
      `<g class="host"><rect x="${n(host.x)}" y="${n(host.y)}" width="${n(host.width)}" height="${n(host.height)}" rx="${HOST_RADIUS}" fill="#ffffff" stroke="${host.colour}" stroke-width="3"/>`,
    );
    if (scene.names) {
      out.push(
        `<text x="${n(host.x + host.width / 2)}" y="${n(host.y + host.height / 2)}" font-size="${NAME_SIZE}" text-anchor="middle" dominant-baseline="middle" fill="#0f172a">${escapeXml(host.name)}</text>`,
      );
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}
