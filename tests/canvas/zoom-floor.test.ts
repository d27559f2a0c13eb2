import { describe, expect, it } from 'vitest';
import { MIN_ZOOM, stillFitted, zoomFloor } from '@/canvas/use-view-requests';

const VIEW = { width: 1366, height: 600 };

describe('zoomFloor', () => {
  it('keeps the usual floor for a diagram that fits the view at it', () => {
    expect(zoomFloor({ width: 19_440, height: 7_280 }, VIEW)).toBe(MIN_ZOOM);
    expect(zoomFloor({ width: 800, height: 400 }, VIEW)).toBe(MIN_ZOOM);
  });

  it('goes below it for a drawing too large to be seen whole there, with room past the fit', () => {
    const bounds = { width: 19_440, height: 255_600 };
    const floor = zoomFloor(bounds, VIEW);
    expect(floor).toBeLessThan(MIN_ZOOM);
    // At twice the floor the whole drawing, with a fit's margin, is inside the view; at four times it is not.
    expect(bounds.height * 1.15 * floor * 2).toBeLessThanOrEqual(VIEW.height + 1e-6);
    expect(bounds.height * 1.15 * floor * 4).toBeGreaterThan(VIEW.height);
    // The narrower side decides: the same drawing lying down.
    expect(zoomFloor({ width: 255_600, height: 19_440 }, VIEW)).toBeCloseTo(
      VIEW.width / (255_600 * 1.15) / 2,
      9,
    );
  });

  it('keeps the usual floor while the box or the view is unknown or empty', () => {
    expect(zoomFloor(undefined, VIEW)).toBe(MIN_ZOOM);
    expect(zoomFloor({ width: 255_600, height: 19_440 }, { width: 0, height: 0 })).toBe(MIN_ZOOM);
    expect(zoomFloor({ width: 0, height: 0 }, VIEW)).toBe(MIN_ZOOM);
    expect(zoomFloor({ width: Number.NaN, height: 5 }, VIEW)).toBe(MIN_ZOOM);
  });

  it('never goes below a drawing of the largest positions a document holds, seen whole', () => {
    expect(zoomFloor({ width: 2_000_000, height: 2_000_000 }, VIEW)).toBeGreaterThan(0);
    expect(zoomFloor({ width: 1e12, height: 1e12 }, VIEW)).toBe(0.0001);
  });
});

describe('stillFitted', () => {
  const fit = { x: -120.5, y: 33.25, zoom: 0.0023 };

  it('holds while the view is where the fit left it', () => {
    expect(stillFitted({ ...fit }, fit)).toBe(true);
  });

  it('fails once the view moved or zoomed, or when there was no fit', () => {
    expect(stillFitted({ ...fit, x: fit.x + 1 }, fit)).toBe(false);
    expect(stillFitted({ ...fit, y: fit.y - 0.5 }, fit)).toBe(false);
    expect(stillFitted({ ...fit, zoom: fit.zoom * 1.15 }, fit)).toBe(false);
    expect(stillFitted(fit, undefined)).toBe(false);
  });
});
