/**
 * The far layer on paper: a print of a large diagram (use-print-fit.ts) shows all of it, fitted to
 * the print box. The far layer's own canvas is painted by a worker, which cannot repaint before
 * the browser lays out the page for paper; this canvas is painted here, during the `beforeprint`
 * event, and only the print stylesheet shows it (print.css).
 */
import { useLayoutEffect, useRef } from 'react';
import { farColours } from './far-colours';
import { type FarPicture, paintFar } from './far-paint';

/** The canvas's box on paper, in CSS pixels (print.css: `--print-width` × `--print-height`). */
export interface PrintBox {
  readonly width: number;
  readonly height: number;
}

/** Device pixels per CSS pixel on paper: a 960 px wide box on a landscape A4 page is some 175 dpi. */
const PRINT_SCALE = 2;

/**
 * The print's canvas, painted at once (a layout effect: within the render `beforeprint` forces)
 * and again when the page's theme changes: a print switches to the light palette right after the
 * diagram is fitted (print-diagram.ts), and a mutation is seen before the page is laid out.
 *
 * @param scene - the far layer's scene
 * @param view - the view fitted to the print box: [x, y, zoom]
 * @param box - the print box
 */
export function FarPrint({
  scene,
  view,
  box,
}: {
  scene: FarPicture;
  view: readonly [number, number, number];
  box: PrintBox;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    // Painted on a sheet first, then copied: the paper gets one picture. Chromium prints a canvas's
    // own drawing as vector shapes, which for 100,000 hosts is a PDF of hundreds of thousands.
    const sheet = document.createElement('canvas');
    const paint = () => {
      paintFar(sheet, scene, {
        view,
        width: Math.round(box.width * PRINT_SCALE),
        height: Math.round(box.height * PRINT_SCALE),
        dpr: PRINT_SCALE,
        palette: farColours(canvas),
      });
      canvas.width = sheet.width;
      canvas.height = sheet.height;
      canvas.getContext('2d')?.drawImage(sheet, 0, 0);
    };
    paint();
    const theme = new MutationObserver(paint);
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => theme.disconnect();
  }, [scene, view, box]);
  return (
    <canvas
      ref={ref}
      className="far-layer far-layer--print"
      data-testid="far-print"
      style={{
        position: 'absolute',
        left: 0,
        top: 0,
        width: box.width,
        height: box.height,
        pointerEvents: 'none',
        zIndex: 4,
      }}
    />
  );
}
