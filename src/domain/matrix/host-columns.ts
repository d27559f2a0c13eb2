import type { Host, Zone } from '../document';
import type { HostIndex } from './host-index';
import type { RowTexts } from './row-texts';

/** Where zone codes for hosts in no known zone point: the empty zone id. */
export const NO_ZONE = 0;

/**
 * The facts of each coded host a matrix shows (address, site, zone name) and its zone as a small
 * integer, kept from one build to the next by host identity: an edit re-reads only the hosts whose
 * record (or whose zones list) it replaced. Text arrays are replaced, never changed, when a host's
 * fact changes (a filter caches their lower-case texts by array); they only grow with new hosts.
 */
export class HostColumns {
  address: string[] = [];
  site: string[] = [];
  zone: string[] = [];
  /**
   * Each host's zone code: {@link NO_ZONE} for none, else a number per zone id (`zoneIds`). Replaced,
   * never changed, when a host's zone changes (a build reads the array it saw); only grows otherwise.
   */
  zoneCode: number[] = [];
  readonly zoneIds: string[] = [''];
  private readonly zoneCodes = new Map<string, number>([['', NO_ZONE]]);
  private records: (Host | undefined)[] = [];
  private zones: readonly Zone[] | undefined;
  /** The host index the facts were last read from. */
  private index: HostIndex | undefined;

  /**
   * The hosts whose records may differ from those the facts were read from: none for the same
   * index, those an edit replaced for an index made from it, else undefined (any may differ).
   */
  replaced(texts: RowTexts): readonly string[] | undefined {
    const index = texts.hostIndex;
    if (index === this.index) return [];
    return index.parent !== undefined && index.parent === this.index?.token ? index.replaced : undefined;
  }

  /** Whether host code `c`'s facts were read from this record. */
  holds(c: number, record: Host): boolean {
    return this.records[c] === record;
  }

  /**
   * Brings the facts up to date with a document's texts.
   *
   * @param keys - The host id of each host code (the builder's host dictionary, which only grows).
   * @param texts - The document's row texts.
   * @param code - The code of a host id, if coded.
   */
  update(keys: readonly string[], texts: RowTexts, code: (id: string) => number | undefined): void {
    const all = texts.zones !== this.zones;
    const replaced = all ? undefined : this.replaced(texts);
    this.zones = texts.zones;
    this.index = texts.hostIndex;
    let copied = false;
    let movedAny = false;
    const known = this.records.length;
    // Only the replaced hosts and the newly coded ones, when the index says which were replaced.
    const codes: Iterable<number> = replaced
      ? [
          ...replaced.map(code).filter((c): c is number => c !== undefined && c < known),
          ...range(known, keys.length),
        ]
      : range(0, keys.length);
    for (const c of codes) {
      const id = keys[c]!;
      const record = texts.record(id);
      if (c < known && !all && record === this.records[c]) continue;
      this.records[c] = record;
      const facts = texts.host(id);
      const zoneCode = this.zoneCodeOf(facts.zoneId);
      if (c >= known) {
        this.address.push(facts.address);
        this.site.push(facts.site);
        this.zone.push(facts.zone);
        this.zoneCode.push(zoneCode);
        continue;
      }
      if (
        !copied &&
        (facts.address !== this.address[c] || facts.site !== this.site[c] || facts.zone !== this.zone[c])
      ) {
        copied = true;
        this.address = this.address.slice();
        this.site = this.site.slice();
        this.zone = this.zone.slice();
      }
      if (copied) {
        this.address[c] = facts.address;
        this.site[c] = facts.site;
        this.zone[c] = facts.zone;
      }
      if (zoneCode !== this.zoneCode[c]) {
        if (!movedAny) this.zoneCode = this.zoneCode.slice();
        movedAny = true;
        this.zoneCode[c] = zoneCode;
      }
    }
  }

  private zoneCodeOf(id: string): number {
    let code = this.zoneCodes.get(id);
    if (code === undefined) {
      code = this.zoneIds.push(id) - 1;
      this.zoneCodes.set(id, code);
    }
    return code;
  }
}

function* range(from: number, to: number): Generator<number> {
  for (let c = from; c < to; c += 1) yield c;
}
