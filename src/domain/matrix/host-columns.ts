import type { Host, Zone } from '../document';
import type { HostIndex } from './host-index';
import type { RowTexts } from './row-texts';

/** The facts kept per host code, each in its own text array. */
const FACTS = ['address', 'site', 'zone'] as const;
const FACT_BIT = { address: 1, site: 2, zone: 4 } as const;

/** Where zone codes for hosts in no known zone point: the empty zone id. */
export const NO_ZONE = 0;

/**
 * Whether two zone lists give hosts the same zone facts: the same zone ids with the same names in
 * the same places (a host's zone fact reads only whether its zone exists, and its name).
 */
function sameZoneNames(a: readonly Zone[] | undefined, b: readonly Zone[]): boolean {
  if (a === b) return true;
  if (a === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y && (x.id !== y.id || x.name !== y.name)) return false;
  }
  return true;
}

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
    // A zones list that only moved or resized zones (a host moved into one) names every host alike.
    const all = !sameZoneNames(this.zones, texts.zones);
    const replaced = all ? undefined : this.replaced(texts);
    this.zones = texts.zones;
    this.index = texts.hostIndex;
    let copied = 0;
    let movedAny = false;
    const known = this.records.length;
    const visit = (c: number) => {
      const id = keys[c]!;
      const record = texts.record(id);
      if (c < known && !all && record === this.records[c]) return;
      this.records[c] = record;
      const facts = texts.host(id);
      const zoneCode = this.zoneCodeOf(facts.zoneId);
      if (c >= known) {
        this.address.push(facts.address);
        this.site.push(facts.site);
        this.zone.push(facts.zone);
        this.zoneCode.push(zoneCode);
        return;
      }
      // Only the fact arrays that change are copied (a move copies the zones', not the addresses').
      for (const k of FACTS) {
        if (facts[k] === this[k][c]) continue;
        if ((copied & FACT_BIT[k]) === 0) {
          copied |= FACT_BIT[k];
          this[k] = this[k].slice();
        }
        this[k][c] = facts[k];
      }
      if (zoneCode !== this.zoneCode[c]) {
        if (!movedAny) this.zoneCode = this.zoneCode.slice();
        movedAny = true;
        this.zoneCode[c] = zoneCode;
      }
    };
    // Only the replaced hosts and the newly coded ones, when the index says which were replaced.
    if (replaced) {
      for (const id of replaced) {
        const c = code(id);
        if (c !== undefined && c < known) visit(c);
      }
    }
    for (let c = replaced ? known : 0; c < keys.length; c += 1) visit(c);
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
