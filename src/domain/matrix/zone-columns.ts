import { zonePairKey } from '../zones/crossing';
import { type HostColumns, NO_ZONE } from './host-columns';

/** The crossing column's code of a row that crosses a zone boundary. */
export const CROSSES = 1;

/**
 * The crossing and zone-pair codes of rows, from their host codes and each host's zone code
 * ({@link HostColumns}): integers per row, a text per zone pair. Kept by the columns builder from one
 * build to the next, so an edit codes only the rows it changed and those of hosts that moved zone.
 * A flow crosses unless both hosts sit in the same known zone (`crossesZone`).
 */
export class ZoneColumns {
  /** The text of each zone-pair code: a `zonePairKey` (only grows). */
  readonly texts: string[] = [];
  private readonly byZones = new Map<number, number>();
  constructor(private readonly hosts: HostColumns) {}

  /**
   * Codes rows `from` to `to` (not included).
   *
   * @param source - Each row's source host code.
   * @param target - Each row's target host code.
   * @param crossing - Written: {@link CROSSES} or 0 per row.
   * @param pairs - Written: the zone-pair code per row.
   * @param from - First row.
   * @param to - Row after the last.
   */
  code(
    source: Int32Array,
    target: Int32Array,
    crossing: Int32Array,
    pairs: Int32Array,
    from: number,
    to: number,
  ): void {
    const zone = this.hosts.zoneCode;
    let lastS = -1;
    let lastT = -1;
    let cross = 0;
    let pair = 0;
    for (let i = from; i < to; i += 1) {
      const s = source[i]!;
      const t = target[i]!;
      // Rows of one host pair come together.
      if (s !== lastS || t !== lastT) {
        lastS = s;
        lastT = t;
        const zs = zone[s]!;
        const zt = zone[t]!;
        cross = zs === NO_ZONE || zt !== zs ? CROSSES : 0;
        pair = this.pairOf(zs, zt);
      }
      crossing[i] = cross;
      pairs[i] = pair;
    }
  }

  /**
   * Codes again the rows of hosts whose zone changed.
   *
   * @param moved - The host codes `HostColumns.update` returned.
   * @returns Nothing; rows of other hosts keep their codes.
   */
  recode(
    source: Int32Array,
    target: Int32Array,
    crossing: Int32Array,
    pairs: Int32Array,
    moved: readonly number[],
  ): void {
    if (moved.length === 0) return;
    const flag = new Uint8Array(this.hosts.zoneCode.length);
    for (const c of moved) flag[c] = 1;
    for (let i = 0; i < source.length; i += 1) {
      if (flag[source[i]!] === 1 || flag[target[i]!] === 1)
        this.code(source, target, crossing, pairs, i, i + 1);
    }
  }

  private pairOf(zs: number, zt: number): number {
    const key = zs * 1_048_576 + zt;
    let code = this.byZones.get(key);
    if (code === undefined) {
      const ids = this.hosts.zoneIds;
      code = this.texts.push(zonePairKey(ids[zs]!, ids[zt]!)) - 1;
      this.byZones.set(key, code);
    }
    return code;
  }
}
