import type { Host, Zone } from '../document';
import type { HostIndex } from './host-index';
import type { RowTexts } from './row-texts';

/** The text facts kept per host code, each in its own array (the zone's name follows from its code). */
const FACTS = ['address', 'site'] as const;
const FACT_BIT = { address: 1, site: 2 } as const;

/** Where zone codes for hosts in no known zone point: the empty zone id. */
export const NO_ZONE = 0;

/** Each host code's zone code as one build saw it, and the zones' names then. */
export interface ZoneFacts {
  /** Per host code (the first `count`), its zone code. */
  readonly codes: Int32Array;
  /** Hosts coded when the build read them. */
  readonly count: number;
  /** Each zone code's name ('' for {@link NO_ZONE}). */
  readonly names: readonly string[];
}

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
  /**
   * Each host's zone code ({@link NO_ZONE} for none, else a number per zone id, `zoneIds`), in the
   * first `count` places. Replaced, never changed, when a host's zone changes (a build reads the
   * array it saw): a typed array, so the copy of 100,000 codes is one memory copy.
   */
  zoneCode = new Int32Array(1024);
  /** Hosts coded so far. */
  count = 0;
  readonly zoneIds: string[] = [''];
  /** Each zone code's name as the current zones list names it; replaced when a name changes. */
  private zoneNames: string[] = [''];
  private readonly zoneCodes = new Map<string, number>([['', NO_ZONE]]);
  private records: (Host | undefined)[] = [];
  private zones: readonly Zone[] | undefined;
  /** The host index the facts were last read from. */
  private index: HostIndex | undefined;
  /** The zone texts last made ({@link zoneTexts}), and from which codes and names. */
  private madeZones: { codes: Int32Array; names: readonly string[]; texts: string[] } | undefined;

  /** The zone facts as they are now, for a build to keep. */
  zoneFacts(): ZoneFacts {
    return { codes: this.zoneCode, count: this.count, names: this.zoneNames };
  }

  /**
   * Each host code's zone name as `facts` saw them, made when a query first reads them: a zone move
   * copies only the codes. The same codes and names give the same array (one lower-case cache);
   * hosts coded since are appended to it (texts only grow, as dictionaries do).
   */
  zoneTexts(facts: ZoneFacts): readonly string[] {
    const made = this.madeZones;
    const texts = made && made.codes === facts.codes && made.names === facts.names ? made.texts : [];
    for (let c = texts.length; c < facts.count; c += 1) texts.push(facts.names[facts.codes[c]!]!);
    this.madeZones = { codes: facts.codes, names: facts.names, texts };
    return texts;
  }

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
    if (all) this.zoneNames = this.zoneNames.slice();
    let copied = 0;
    let movedAny = false;
    const known = this.count;
    if (keys.length > this.zoneCode.length) {
      const grown = new Int32Array(Math.max(keys.length, this.zoneCode.length * 2));
      grown.set(this.zoneCode.subarray(0, known));
      this.zoneCode = grown;
      // A build keeps the array it read: this one is new, so later moves may write into it.
      movedAny = true;
    }
    const visit = (c: number) => {
      const id = keys[c]!;
      const record = texts.record(id);
      if (c < known && !all && record === this.records[c]) return;
      this.records[c] = record;
      const facts = texts.host(id);
      const zoneCode = this.zoneCodeOf(facts.zoneId);
      this.zoneNames[zoneCode] = facts.zone;
      if (c >= known) {
        this.address.push(facts.address);
        this.site.push(facts.site);
        this.zoneCode[c] = zoneCode;
        return;
      }
      // Only the fact arrays that change are copied (a move copies the zone codes, not the addresses).
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
    this.count = keys.length;
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
