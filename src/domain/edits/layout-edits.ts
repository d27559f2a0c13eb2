/**
 * Edits of the layout: where hosts sit, as a whole. The automatic layout ("Tidy", issue 12)
 * computes positions outside the domain (elkjs); this is how they become part of a document.
 */
import type { DocumentContent, Position } from '../document';
import { gridSpot } from '../restore-settings';

/**
 * Moves hosts to the given positions, all at once (one undo step in the store). Positions are
 * rounded to whole pixels, so a saved file stays readable; ids that name no host and positions
 * that are not finite numbers are ignored; hosts not named keep their place.
 *
 * @param doc - the document (with or without its envelope)
 * @param positions - top-left corner per host id, absolute (as `runLayout` returns them)
 * @returns the document with the new layout, or `doc` itself when no host moved
 * @example
 * const next = setPositions(doc, { cas: { x: 240.4, y: 0 }, gone: { x: 0, y: 0 } });
 * next.layout.cas; // { x: 240, y: 0 }; `gone` is no host, so it is not in the layout
 */
export function setPositions<D extends DocumentContent>(
  doc: D,
  positions: Readonly<Record<string, Position>>,
): D {
  const layout: Record<string, Position> = { ...doc.layout };
  let moved = false;
  for (const host of doc.hosts) {
    if (!Object.hasOwn(positions, host.id)) continue;
    const p = positions[host.id];
    if (!p || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const next = { x: Math.round(p.x), y: Math.round(p.y) };
    const old = doc.layout[host.id];
    if (old && old.x === next.x && old.y === next.y) continue;
    layout[host.id] = next;
    moved = true;
  }
  return moved ? { ...doc, layout } : doc;
}

/**
 * True when the document came without a layout: it has hosts, and every one sits where
 * `restoreDocument` places hosts that had no position. Such a document is laid out after it is
 * opened; one whose author placed even one host elsewhere is left as drawn.
 *
 * @param doc - a restored document
 * @returns whether its positions are restore's fallback grid and nothing else
 * @example
 * const restored = restoreDocument({ ...file, layout: {} }, catalogue);
 * restored.ok && placedByRestore(restored.document); // true
 */
export function placedByRestore(doc: DocumentContent): boolean {
  if (doc.hosts.length === 0) return false;
  return doc.hosts.every((host, index) => {
    const p = doc.layout[host.id];
    const spot = gridSpot(index);
    return p !== undefined && p.x === spot.x && p.y === spot.y;
  });
}
