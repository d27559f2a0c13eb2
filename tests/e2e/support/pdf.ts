import { inflateSync } from 'node:zlib';

/**
 * The share of drawn pixels in the largest picture of a PDF that Chromium printed: a canvas prints
 * as an image with a soft mask (its alpha, an 8-bit grey image), and this is the share of that
 * mask's bytes that are not transparent. 0 when the PDF holds no such picture.
 *
 * @param pdf - the bytes page.pdf() returned
 * @param minWidth - pictures narrower than this are left out (icons)
 */
export function drawnShareOfLargestPicture(pdf: Buffer, minWidth = 300): number {
  const text = pdf.toString('latin1');
  const objects = /\/Subtype\s*\/Image([\s\S]*?)>>\s*stream\r?\n/g;
  let best = { width: 0, share: 0 };
  for (let m = objects.exec(text); m; m = objects.exec(text)) {
    const dict = m[1] ?? '';
    const width = Number(/\/Width\s+(\d+)/.exec(dict)?.[1] ?? 0);
    const length = Number(/\/Length\s+(\d+)/.exec(dict)?.[1] ?? 0);
    const grey = /\/ColorSpace\s*\/DeviceGray/.test(dict) && /\/Filter\s*\/FlateDecode/.test(dict);
    if (!grey || width < minWidth || width <= best.width || length === 0) continue;
    const start = m.index + m[0].length;
    const alpha = inflateSync(pdf.subarray(start, start + length));
    let drawn = 0;
    for (const byte of alpha) if (byte !== 0) drawn += 1;
    best = { width, share: drawn / alpha.length };
  }
  return best.share;
}
