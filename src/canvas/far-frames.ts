/**
 * Zones, site bands and missing-role placeholders as the far layer draws them when the view is very
 * far (issue 18): there a zone's 12 px title is about a pixel high and nothing on it can be read or
 * grabbed, and the 601 zones and 401 site bands of the 100,000-host estate as React Flow nodes (some
 * 5,000 elements, each measured) took about 0.2 s of its open, and its 200 placeholders 0.15–0.2 s.
 * Values only: boxes, colour ids and severities, in the order the nodes would stack (zones parents
 * first, then site bands, then placeholders). Pure.
 */

import type { Severity } from '@/domain/checks/finding';
import type { Box, Zone } from '@/domain/document';
import type { SiteFrame } from '@/domain/zones/site-frames';
import { Extent } from '@/domain/zones/zone-frames';
import { zoneColour } from '@/domain/zones/zone-kinds';
import { parentsFirst } from '@/domain/zones/zone-tree';

/** A placeholder's box and how serious the missing role is (its colour). */
export interface MissingFrame {
  readonly box: Box;
  readonly severity: Severity;
}

/** The frames of one view: `zones` zone boxes, the site bands, then `missing` placeholders, four numbers each. */
export interface FarFrames {
  /** x, y, width and height of each frame, zones first. */
  readonly boxes: Float64Array;
  /** How many of the frames are zones (then come the site bands). */
  readonly zones: number;
  /** The placeholders' severities: the last frames are theirs, one each. */
  readonly missing: readonly Severity[];
  /** Each zone frame's colour id (`ZONE_COLOURS`), as its node's class names it. */
  readonly colours: readonly string[];
  /** The box around every frame, for fitting the view; undefined without frames. */
  readonly bounds: Box | undefined;
}

/**
 * The frames of `zones` (each with a box in `boxes`), of the site bands and of the placeholders.
 *
 * @param zones - the document's zones
 * @param boxes - each zone's box as drawn (zoneBoxes, or the zones' own)
 * @param sites - the site bands' frames
 * @param missing - the missing-role placeholders' boxes and severities
 * @returns the boxes in stacking order, the zones' colour ids, the severities and the box around all
 * @example
 * farFrames([{ id: 'z', name: 'DMZ', kind: 'dmz' }], new Map([['z', { x: 0, y: 0, width: 9, height: 9 }]]), []);
 * // { boxes: Float64Array [0, 0, 9, 9], zones: 1, missing: [], colours: ['orange'], bounds: { x: 0, y: 0, width: 9, height: 9 } }
 */
export function farFrames(
  zones: readonly Zone[],
  boxes: ReadonlyMap<string, Box>,
  sites: readonly SiteFrame[],
  missing: readonly MissingFrame[] = [],
): FarFrames {
  const drawn: Box[] = [];
  const colours: string[] = [];
  for (const zone of parentsFirst(zones)) {
    const box = boxes.get(zone.id);
    if (!box) continue;
    drawn.push(box);
    colours.push(zoneColour(zone));
  }
  for (const site of sites) drawn.push(site.box);
  for (const frame of missing) drawn.push(frame.box);
  const out = new Float64Array(drawn.length * 4);
  const extent = new Extent();
  drawn.forEach((box, i) => {
    out.set([box.x, box.y, box.width, box.height], i * 4);
    extent.add(box.x, box.y, box.width, box.height);
  });
  return {
    boxes: out,
    zones: colours.length,
    missing: missing.map((frame) => frame.severity),
    colours,
    bounds: extent.box(),
  };
}

/**
 * The box around two boxes, either of which may be missing.
 *
 * @example
 * unionBox({ x: 0, y: 0, width: 1, height: 1 }, { x: 2, y: 2, width: 1, height: 1 }); // { x: 0, y: 0, width: 3, height: 3 }
 */
export function unionBox(a: Box | undefined, b: Box | undefined): Box | undefined {
  if (!a || !b) return a ?? b;
  const extent = new Extent();
  extent.add(a.x, a.y, a.width, a.height);
  extent.add(b.x, b.y, b.width, b.height);
  return extent.box();
}
