import type { CanvasWords } from './canvas-elements';

/** Where the n-th value goes in a looked-up sentence: private-use characters, in no name or catalogue. */
const FIRST_SLOT = 0xe000;
const SLOT = /[\ue000-\ue009]/g;
/** The value names of a link's sentences (`Link {{source}} – {{target}}`). */
export const LINK_ENDS = ['source', 'target'];

/**
 * A canvas sentence with named values (`Host {{name}}`), looked up once and filled per element:
 * a lookup per host and per link parsed its key and options each time: about three quarters of
 * making the nodes and edges of 1,000 hosts and 4,075 links (issue 18, mount profile). The values are put in as they are,
 * like the app's lookups (no escaping).
 *
 * @param names - the sentence's value names; the filler takes the values in this order
 */
export function sentence(
  t: CanvasWords,
  key: string,
  names: readonly string[],
): (...values: string[]) => string {
  const lookup = t as unknown as (key: string, options: Record<string, string>) => string;
  const said = lookup(
    key,
    Object.fromEntries(names.map((name, i) => [name, String.fromCharCode(FIRST_SLOT + i)])),
  );
  return (...values) => said.replace(SLOT, (slot) => values[slot.charCodeAt(0) - FIRST_SLOT] ?? '');
}
