import type { Box, Segment } from '@/canvas/geometry';
import {
  type LabelRequest,
  labelBoxAt,
  labelPriority,
  labelSize,
  layoutLabels,
  overlaps,
} from '@/canvas/label-layout';

const seg = (x1: number, y1: number, x2: number, y2: number): Segment => ({
  from: { x: x1, y: y1 },
  to: { x: x2, y: y2 },
});

function label(id: string, segment: Segment, priority = 1, size = { width: 60, height: 16 }): LabelRequest {
  return { id, segment, at: 0.5, priority, ...size };
}

/** The boxes of the shown labels. */
function shownBoxes(labels: readonly LabelRequest[], places: ReturnType<typeof layoutLabels>): Box[] {
  return labels.flatMap((l) => {
    const p = places.get(l.id);
    return p && !p.hidden ? [labelBoxAt(l, p.t)] : [];
  });
}

describe('link label placement', () => {
  it('keeps a label at its preferred spot when nothing is in the way', () => {
    const places = layoutLabels([label('a', seg(0, 0, 400, 0))], []);
    expect(places.get('a')).toEqual({ t: 0.5, hidden: false });
  });

  it('moves the labels of two crossing links apart so they do not overlap', () => {
    const labels = [label('a', seg(0, 0, 400, 400)), label('b', seg(400, 0, 0, 400))];
    // Both would sit at (200, 200), on top of each other.
    expect(overlaps(labelBoxAt(labels[0]!, 0.5), labelBoxAt(labels[1]!, 0.5))).toBe(true);
    const places = layoutLabels(labels, []);
    expect([...places.values()].every((p) => !p.hidden)).toBe(true);
    const [first, second] = shownBoxes(labels, places);
    expect(overlaps(first!, second!)).toBe(false);
  });

  it('shifts a label off a host that sits on its link', () => {
    const host: Box = { x: 170, y: -30, width: 60, height: 60 };
    const l = label('a', seg(0, 0, 400, 0));
    const place = layoutLabels([l], [host]).get('a')!;
    expect(place.hidden).toBe(false);
    expect(place.t).not.toBe(0.5);
    expect(overlaps(labelBoxAt(l, place.t), host)).toBe(false);
  });

  it('hides a label when its link has no free spot, and keeps its preferred spot for the hover', () => {
    // A short link between two hosts with a third host over the whole gap.
    const hosts: Box[] = [{ x: 0, y: -40, width: 120, height: 80 }];
    const place = layoutLabels([label('a', seg(10, 0, 110, 0))], hosts).get('a');
    expect(place).toEqual({ t: 0.5, hidden: true });
  });

  it('gives the contested spot to the higher priority: selected, then findings, then more ports', () => {
    expect(labelPriority(true, false, 0)).toBeGreaterThan(labelPriority(false, true, 50));
    expect(labelPriority(false, true, 0)).toBeGreaterThan(labelPriority(false, false, 50));
    expect(labelPriority(false, false, 3)).toBeGreaterThan(labelPriority(false, false, 2));
    // Two labels on the same short link-sized space: only one fits.
    const s = seg(0, 0, 80, 0);
    const low = label('a-low', s, labelPriority(false, false, 9));
    const high = label('z-high', s, labelPriority(false, true, 1));
    const places = layoutLabels([low, high], [], { tries: 0 });
    expect(places.get('z-high')).toEqual({ t: 0.5, hidden: false });
    expect(places.get('a-low')?.hidden).toBe(true);
  });

  it('is deterministic: the order of the input does not change the result', () => {
    const labels = Array.from({ length: 40 }, (_, i) =>
      label(`l${i}`, seg((i % 7) * 30, 0, 300 - (i % 5) * 40, 300), i % 3),
    );
    const a = layoutLabels(labels, []);
    const b = layoutLabels([...labels].reverse(), []);
    expect([...b.entries()].sort()).toEqual([...a.entries()].sort());
    // And no two shown labels overlap.
    const boxes = shownBoxes(labels, a);
    for (let i = 0; i < boxes.length; i += 1)
      for (let j = i + 1; j < boxes.length; j += 1) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
  });

  it('places only labels whose link crosses the region when one is given', () => {
    const labels = [label('in', seg(0, 0, 100, 0)), label('out', seg(5000, 0, 5100, 0))];
    const places = layoutLabels(labels, [], { region: { x: -50, y: -50, width: 300, height: 300 } });
    expect([...places.keys()]).toEqual(['in']);
  });

  it('places the labels of a 5,000-host grid quickly, none over a host or another label', () => {
    const hosts: Box[] = [];
    const labels: LabelRequest[] = [];
    const columns = 100;
    const box = (i: number): Box => ({
      x: (i % columns) * 260,
      y: Math.floor(i / columns) * 160,
      width: 172,
      height: 72,
    });
    for (let i = 0; i < 5000; i += 1) hosts.push(box(i));
    const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
    for (let i = 0; i < 5000; i += 1) {
      for (const j of [i + 1, i + columns, i + columns + 1]) {
        if (j >= 5000 || (j === i + 1 && j % columns === 0)) continue;
        const a = centre(box(i));
        const b = centre(box(j));
        labels.push({
          id: `l${i}-${j}`,
          segment: { from: a, to: b },
          at: 0.5,
          width: 70,
          height: 20,
          priority: (i * 7 + j) % 13,
        });
      }
    }
    const started = performance.now();
    const places = layoutLabels(labels, hosts);
    const took = performance.now() - started;
    expect(places.size).toBe(labels.length);
    // Generous on a shared, slow machine: the grid makes it a few tens of milliseconds.
    expect(took).toBeLessThan(1500);
    const shown = labels.flatMap((l) => {
      const p = places.get(l.id)!;
      return p.hidden ? [] : [labelBoxAt(l, p.t)];
    });
    expect(shown.length).toBeGreaterThan(labels.length / 3);
    // Spot checks against every host and label would be quadratic: a grid of our own instead.
    const sample = shown.filter((_, k) => k % 50 === 0);
    for (const s of sample) {
      expect(hosts.some((h) => overlaps(s, h))).toBe(false);
      expect(shown.filter((o) => o !== s && overlaps(s, o))).toEqual([]);
    }
  });

  it('estimates a label size from its text, badge and scale', () => {
    expect(labelSize(['TCP 80 443'], false, 1)).toEqual({ width: 78, height: expect.closeTo(20.2) });
    const scaled = labelSize(['TCP 80 443', 'UDP 67 68 69 4011'], true, 2);
    expect(scaled.width).toBeCloseTo((17 * 6.4 + 14) * 2);
    expect(scaled.height).toBeCloseTo((2 * 14.2 + 18 + 6) * 2);
  });
});
