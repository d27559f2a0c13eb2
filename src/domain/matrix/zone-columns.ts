import { zonePairKey } from '../zones/crossing';
import type { RowTexts } from './row-texts';

/** The crossing column's code of a row that crosses a zone boundary. */
export const CROSSES = 1;

/** A column as codes per row and a text per code (a `CompactColumn`'s shape). */
interface CodedColumn {
  readonly codes: Int32Array;
  readonly texts: readonly string[];
}

/**
 * The crossing and zone-pair columns of a matrix, from its rows' host codes. Made afresh on every
 * build, never copied from the last one: moving a host to another zone keeps its flows (the same
 * objects) but changes what they cross. One integer test per row; the rule runs once per host pair.
 *
 * @param source - Each row's source host code.
 * @param target - Each row's target host code.
 * @param hostIds - The host id of each host code.
 * @param texts - The document's row texts (zones and the crossing rule).
 * @returns `crossing` (codes 0 and {@link CROSSES}, texts the words' no and yes, as `cellText`
 *   writes the boolean) and `zonePair` (texts are `zonePairKey`s).
 * @example
 * const { crossing } = zoneColumns(columns.source, columns.target, builder.hosts.keys, texts);
 * crossing.codes[0] === CROSSES; // the first row crosses a zone boundary
 */
export function zoneColumns(
  source: Int32Array,
  target: Int32Array,
  hostIds: readonly string[],
  texts: RowTexts,
): { crossing: CodedColumn; zonePair: CodedColumn } {
  const n = source.length;
  const crossing = new Int32Array(n);
  const pairCodes = new Int32Array(n);
  const pairTexts: string[] = [];
  const pairByKey = new Map<string, number>();
  // By host pair (source code × host count + target code): rows of one pair come together.
  const byHosts = new Map<number, number>();
  const hostCount = hostIds.length;
  let last = -1;
  let cross = 0;
  let pair = 0;
  for (let i = 0; i < n; i += 1) {
    const s = source[i]!;
    const t = target[i]!;
    const hosts = s * hostCount + t;
    if (hosts !== last) {
      last = hosts;
      const known = byHosts.get(hosts);
      if (known === undefined) {
        const a = hostIds[s]!;
        const b = hostIds[t]!;
        cross = texts.crosses(a, b) ? CROSSES : 0;
        const key = zonePairKey(texts.host(a).zoneId, texts.host(b).zoneId);
        pair = pairByKey.get(key) ?? pairTexts.push(key) - 1;
        pairByKey.set(key, pair);
        byHosts.set(hosts, pair * 2 + cross);
      } else {
        cross = known & 1;
        pair = known >> 1;
      }
    }
    crossing[i] = cross;
    pairCodes[i] = pair;
  }
  return {
    crossing: { codes: crossing, texts: [texts.words.no, texts.words.yes] },
    zonePair: { codes: pairCodes, texts: pairTexts },
  };
}
