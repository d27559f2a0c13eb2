import { zonePairKey } from '../zones/crossing';
import { type HostColumns, NO_ZONE } from './host-columns';

/** The crossing column's code of a row that crosses a zone boundary. */
export const CROSSES = 1;

/**
 * The crossing and zone-pair codes of rows, from their host codes and each host's zone code
 * ({@link HostColumns}): integers per row, a text per zone pair. Kept by the columns builder from one
 * build to the next (the zone pairs' texts only grow); a build codes its rows when a query first
 * reads the columns. A flow crosses unless both hosts sit in the same known zone (`crossesZone`).
 */
export class ZoneColumns {
  /** The text of each zone-pair code: a `zonePairKey` (only grows). */
  readonly texts: string[] = [];
  private readonly byZones = new Map<number, number>();
  constructor(private readonly hosts: HostColumns) {}

  /**
   * Codes every row.
   *
   * @param zone - Each host code's zone code, as the build saw it (`HostColumns.zoneCode` then).
   * @param source - Each row's source host code.
   * @param target - Each row's target host code.
   * @returns Per row, {@link CROSSES} or 0, and the zone-pair code.
   */
  code(
    zone: ArrayLike<number>,
    source: Int32Array,
    target: Int32Array,
  ): { crossing: Int32Array; pairs: Int32Array } {
    const n = source.length;
    const crossing = new Int32Array(n);
    const pairs = new Int32Array(n);
    let lastS = -1;
    let lastT = -1;
    let cross = 0;
    let pair = 0;
    for (let i = 0; i < n; i += 1) {
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
    return { crossing, pairs };
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
