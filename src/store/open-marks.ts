/**
 * User Timing marks of a file's open (issue 18): when the reading worker had read the file and
 * restored it, when the page had it back and unpacked, and when the page started and finished
 * replacing the diagram (the derivation included). Each is one `performance.mark`; they show in the
 * browser's performance panel, and `npm run bench -- open` reads them to say where an open's time
 * goes.
 */

/** The marks of one open, in the order they are made. */
export const OPEN_MARKS = ['read', 'restored', 'received', 'unpacked', 'replacing', 'replaced'] as const;

export type OpenMark = (typeof OPEN_MARKS)[number];

/**
 * The User Timing name of a mark.
 *
 * @param mark - One of {@link OPEN_MARKS}.
 * @returns Its name in the performance timeline.
 * @example openMarkName('read'); // 'cm-open:read'
 */
export const openMarkName = (mark: OpenMark): string => `cm-open:${mark}`;

/**
 * Marks a step of the open, where the platform has User Timing.
 *
 * @param mark - The step just reached.
 * @example markOpen('replaced');
 */
export function markOpen(mark: OpenMark): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function')
    performance.mark(openMarkName(mark));
}
