/**
 * A document file's layout read straight from its UTF-8 bytes (issue 18), when it is the map the
 * app writes: one line `"<host id>":{"x":<n>,"y":<n>}` per host, every host once, each position
 * within the canvas. Such a layout restores to itself (restore-settings.ts `restoreLayout`); read
 * here, its 100,000 positions are one typed array in host order, with no object nor string made.
 * Anything else (another field, an escape, a space, a key that is not a host's id, a host without
 * a position, one out of range or -0) gives undefined, and the layout is read as JSON and restored.
 */
import type { HostTable } from './host-table';
import { bytesOf, idLength, numberAt, startsAt } from './json-bytes';
import { isRestoredCoordinate } from './restore-settings';

const OPEN = bytesOf('{\n');
const KEY = bytesOf('    "');
const X = bytesOf('":{"x":');
const Y = bytesOf(',"y":');
const CLOSE_ITEM = bytesOf('}');
const BETWEEN = bytesOf(',\n');
const CLOSE = bytesOf('\n  }');

/** Fewest bytes a position's line takes, `    "a":{"x":0,"y":0}` and `,\n`. */
const LEAST_LINE = 24;

/** The positions of a layout, read from the bytes: where each key lies, and its x and y. */
export interface LayoutLines {
  readonly count: number;
  /** Position i's key is bytes `keys[2i]` on, `keys[2i + 1]` long. */
  readonly keys: Int32Array;
  /** Position i is x `xy[2i]`, y `xy[2i + 1]`. */
  readonly xy: Float64Array;
}

/**
 * Reads the layout between `from` and `to`, when it is written as the app writes one (see the
 * module's comment); whether its keys are the hosts' ids shows in {@link placeLayoutLines}.
 *
 * @param bytes - the file's bytes
 * @param from - where the map's `{` is
 * @param to - just after its `}`
 * @returns where the keys lie and the positions, or undefined
 * @example
 * const bytes = new TextEncoder().encode('{\n    "a":{"x":0,"y":-20}\n  }');
 * scanLayoutLines(bytes, 0, bytes.length)?.xy // Float64Array [0, -20]
 */
export function scanLayoutLines(bytes: Uint8Array, from: number, to: number): LayoutLines | undefined {
  if (!startsAt(bytes, from, OPEN) || to > bytes.length) return undefined;
  const most = Math.ceil((to - from) / LEAST_LINE);
  // Room for as many positions as the bytes can hold: the pages never filled are never touched.
  const keys = new Int32Array(2 * most);
  const xy = new Float64Array(2 * most);
  let count = 0;
  let i = from + OPEN.length;
  for (;;) {
    if (count >= most || !startsAt(bytes, i, KEY)) return undefined;
    i += KEY.length;
    const length = idLength(bytes, i);
    if (length < 0) return undefined;
    keys[2 * count] = i;
    keys[2 * count + 1] = length;
    i += length;
    if (!startsAt(bytes, i, X)) return undefined;
    const x = numberAt(bytes, i + X.length);
    if (!x || !isRestoredCoordinate(x.value) || !startsAt(bytes, x.end, Y)) return undefined;
    const y = numberAt(bytes, x.end + Y.length);
    if (!y || !isRestoredCoordinate(y.value) || !startsAt(bytes, y.end, CLOSE_ITEM)) return undefined;
    xy[2 * count] = x.value;
    xy[2 * count + 1] = y.value;
    i = y.end + CLOSE_ITEM.length;
    count += 1;
    if (startsAt(bytes, i, BETWEEN)) {
      i += BETWEEN.length;
      continue;
    }
    if (!startsAt(bytes, i, CLOSE) || i + CLOSE.length !== to) return undefined;
    return { count, keys: keys.subarray(0, 2 * count), xy: xy.subarray(0, 2 * count) };
  }
}

/**
 * The positions in host order, when the layout holds exactly one position for each host: then
 * restore keeps it as it is.
 *
 * @param lines - what {@link scanLayoutLines} read of `bytes`
 * @param bytes - the file's bytes
 * @param table - the hosts' places by their ids
 * @returns x of host i as `positions[2i]`, y as `positions[2i + 1]`, or undefined
 * @example placeLayoutLines(lines, bytes, HostTable.of('a')!) // Float64Array [0, -20]
 */
export function placeLayoutLines(
  lines: LayoutLines,
  bytes: Uint8Array,
  table: HostTable,
): Float64Array | undefined {
  if (lines.count !== table.count) return undefined;
  const positions = new Float64Array(2 * lines.count);
  const placed = new Uint8Array(lines.count);
  const { keys, xy } = lines;
  for (let i = 0; i < lines.count; i += 1) {
    const place = table.find(bytes, keys[2 * i] as number, keys[2 * i + 1] as number);
    if (place < 0 || placed[place] === 1) return undefined;
    placed[place] = 1;
    positions[2 * place] = xy[2 * i] as number;
    positions[2 * place + 1] = xy[2 * i + 1] as number;
  }
  return positions;
}
