/**
 * Presence in a shared diagram: who else is in the room, their pointer and their selection. It
 * travels in Yjs' awareness, which any peer can set to anything, so it is read like a file: checked,
 * bounded, and dropped when it makes no sense.
 */

/** How many presence colours there are (tokens `--presence-0` … `--presence-7`). */
export const PRESENCE_COLOURS = 8;

const NAME_LIMIT = 40;
const SELECTION_LIMIT = 200;

export interface Presence {
  readonly name: string;
  /** Index of the presence colour, 0 to PRESENCE_COLOURS - 1. */
  readonly colour: number;
  /** Pointer in diagram coordinates, when over the canvas. */
  readonly pointer?: { readonly x: number; readonly y: number };
  /** Selected hosts and links (ids). */
  readonly hosts: readonly string[];
  readonly links: readonly string[];
}

const ids = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v.length <= 200).slice(0, SELECTION_LIMIT)
    : [];

/**
 * A peer's presence as the app may use it.
 *
 * @param value - One awareness state, as a peer set it.
 * @returns The presence; `undefined` when it has no usable name.
 * @example
 * readPresence({ name: 'Ana', colour: 3, pointer: { x: 10, y: 20 }, hosts: ['h1'] });
 */
export function readPresence(value: unknown): Presence | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const state = value as Record<string, unknown>;
  const name =
    typeof state.name === 'string' ? state.name.replace(/\s+/g, ' ').trim().slice(0, NAME_LIMIT) : '';
  if (name === '') return undefined;
  const colour =
    typeof state.colour === 'number' && Number.isInteger(state.colour)
      ? Math.abs(state.colour) % PRESENCE_COLOURS
      : 0;
  const p = state.pointer as Record<string, unknown> | null | undefined;
  const pointer =
    typeof p === 'object' && p !== null && Number.isFinite(p.x) && Number.isFinite(p.y)
      ? { x: p.x as number, y: p.y as number }
      : undefined;
  return { name, colour, ...(pointer ? { pointer } : {}), hosts: ids(state.hosts), links: ids(state.links) };
}

/**
 * A colour for a new participant: the least used in the room, so people in one meeting differ.
 *
 * @param used - The colours of the others in the room.
 * @returns A colour index.
 * @example
 * pickColour([0, 1]); // 2
 */
export function pickColour(used: readonly number[]): number {
  const counts = new Array<number>(PRESENCE_COLOURS).fill(0);
  for (const c of used) if (c >= 0 && c < PRESENCE_COLOURS) counts[c] = (counts[c] ?? 0) + 1;
  const least = Math.min(...counts);
  return counts.indexOf(least);
}
