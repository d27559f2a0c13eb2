/**
 * A document file's hosts list read from its text line by line (issue 18), when every host is the
 * flat line the app writes: `{"id":"dp1","name":"DP1","roles":["distribution-point"],…}`, with the
 * fields restore reads and no other, no escape and no space. Such a list is not parsed into
 * objects: the hosts come out as the columns the parse worker posts (their texts, which optional
 * fields each has, and each one's place among the distinct roles lists and options objects), each
 * value restored exactly as restore-hosts.ts restores it (host-values.ts). A list restore would
 * change with a report line gives undefined, and is parsed and restored as JSON as before; so does
 * anything unusual in its form. Repeated ids, for which restore refuses the whole document, are the
 * caller's to find (the parse worker's helper finds them as it makes its table of the ids).
 */
import type { Catalogue } from './catalogue-types';
import type { HostOptions } from './document';
import {
  CLOSE_LIST,
  COMMA,
  HOST_TEXT_FIELDS,
  ID_SLOT,
  type Line,
  NAME_SLOT,
  newLine,
  OPEN_LIST,
  OPTIONS_SLOT,
  ROLES_SLOT,
  readLine,
  skipSpace,
  ZONE_SLOT,
} from './host-line-scan';
import { AS_IS, HostValues, REPORTED, type RestoredText } from './host-values';
import { MAX_ITEMS } from './limits';
import { isId } from './restore-values';

/** A hosts list as columns, each host as restore makes it. */
export interface HostColumns {
  /** Each host's id, in the list's order. */
  readonly ids: string[];
  /** The list's text, which holds every host's texts. */
  readonly text: string;
  /**
   * Where each host's texts lie in {@link text} (from, to): its id and name, then the optional
   * texts it has, in {@link HOST_TEXT_FIELDS} order.
   */
  readonly at: Int32Array;
  /** Per host, a bit per field of {@link HOST_TEXT_FIELDS} it has. */
  readonly shapes: Uint8Array;
  /** The distinct roles lists, and each host's place in them. */
  readonly roles: (readonly string[])[];
  readonly roleAt: Int32Array;
  /** The distinct options objects, and each host's place in them. */
  readonly options: HostOptions[];
  readonly optionAt: Int32Array;
  /** The values the caps scan (restore-scan.ts) counts in the list, the list itself included. */
  readonly values: number;
  /** The zones the hosts name (restore then checks each is a zone of the document). */
  readonly zones: ReadonlySet<string>;
}

interface Place {
  readonly at: number;
  readonly values: number;
}

/** Whether `s` holds `text` exactly from `from` to `to`. */
const holds = (s: string, from: number, to: number, text: string) =>
  text.length === to - from && s.startsWith(text, from);

/** A typed array of twice the length holding `array`'s values. */
function doubled<T extends Int32Array | Uint8Array>(array: T): T {
  const grown = new (array.constructor as new (length: number) => T)(array.length * 2);
  grown.set(array);
  return grown;
}

/** The list's columns as they grow (typed arrays, made for one host per line and doubled if need be). */
class Columns {
  readonly ids: string[] = [];
  /** Where each text lies in the list's text: from, to. */
  at: Int32Array;
  /** How many of `at` are taken. */
  taken = 0;
  shapes: Uint8Array;
  readonly roles: (readonly string[])[] = [];
  roleAt: Int32Array;
  readonly options: HostOptions[] = [];
  optionAt: Int32Array;
  readonly zones = new Set<string>();
  /** The zone added last: hosts of one zone mostly come one after another. */
  private zone = '';
  /** Each roles list's (options object's) JSON text: its place, and the values the caps scan counts in it. */
  private readonly rolePlaces = new Map<string, Place>();
  private readonly optionPlaces = new Map<string, Place>();
  values = 1;
  /** The last roles list's (options object's) text and place: neighbours mostly have the same. */
  private readonly lastRoles: [string, Place | undefined] = ['', undefined];
  private readonly lastOptions: [string, Place | undefined] = ['', undefined];

  constructor(
    private readonly s: string,
    private readonly restore: HostValues,
  ) {
    let lines = 1;
    for (let at = s.indexOf('\n'); at >= 0; at = s.indexOf('\n', at + 1)) lines += 1;
    this.shapes = new Uint8Array(lines);
    this.roleAt = new Int32Array(lines);
    this.optionAt = new Int32Array(lines);
    // Id and name, and the usual host's address, site and zone.
    this.at = new Int32Array(lines * 10);
  }

  /** Notes that a text lies from `from` to `to`. */
  private note(from: number, to: number): void {
    if (this.taken + 2 > this.at.length) this.at = doubled(this.at);
    this.at[this.taken] = from;
    this.at[this.taken + 1] = to;
    this.taken += 2;
  }

  /**
   * The place of the roles list (options object) whose JSON text is `text` from `from` to `to`,
   * counting its values when the line has it; -1 when restore would report it.
   */
  private place(
    text: string,
    from: number,
    to: number,
    field: 'roles' | 'options',
    counted: boolean,
  ): number {
    const last = field === 'roles' ? this.lastRoles : this.lastOptions;
    let place = holds(text, from, to, last[0]) ? last[1] : undefined;
    if (place === undefined) {
      const json = text.slice(from, to);
      const places = field === 'roles' ? this.rolePlaces : this.optionPlaces;
      place = places.get(json);
      if (place === undefined) {
        const parsed = field === 'roles' ? this.restore.roles(json) : this.restore.options(json);
        if (parsed.value === REPORTED || parsed.value === undefined) return -1;
        const list = field === 'roles' ? this.roles : (this.options as unknown[]);
        place = { at: list.length, values: parsed.values };
        list.push(parsed.value);
        places.set(json, place);
      }
      last[0] = json;
      last[1] = place;
    }
    if (counted) this.values += place.values;
    return place.at;
  }

  /** The place of the line's roles list (options object); restore gives a host without one an empty one. */
  private placeIn(line: Line, slot: number, field: 'roles' | 'options'): number {
    if (line.seen & (1 << slot))
      return this.place(this.s, line.from[slot] as number, line.to[slot] as number, field, true);
    const empty = field === 'roles' ? '[]' : '{}';
    return this.place(empty, 0, 2, field, false);
  }

  /** Notes where a text lies: from `from` to `to`, or where `value` (restored from it) lies within. */
  private push(from: number, to: number, value: RestoredText): boolean {
    if (value === AS_IS) {
      this.note(from, to);
      return true;
    }
    // A value restore changes (an address trimmed) is within the file's text.
    const within = typeof value === 'string' ? this.s.slice(from, to).indexOf(value) : -1;
    if (within < 0) return false;
    this.note(from + within, from + within + (value as string).length);
    return true;
  }

  /** Adds the host of `line`; false when restore would report or refuse it. */
  add(line: Line): boolean {
    const { s } = this;
    const { seen, from, to } = line;
    if (!(seen & (1 << ID_SLOT))) return false;
    // Each text without its quotes.
    const idFrom = (from[ID_SLOT] as number) + 1;
    const idTo = (to[ID_SLOT] as number) - 1;
    const hasName = (seen & (1 << NAME_SLOT)) !== 0;
    const nameFrom = (from[NAME_SLOT] as number) + 1;
    const nameTo = (to[NAME_SLOT] as number) - 1;
    const id = s.slice(idFrom, idTo);
    // A repeated id (restore refuses the document) is the caller's to find (the parse worker's
    // helper finds it as it makes its table of the ids).
    if (!isId(id)) return false;
    const name = hasName ? this.restore.name(s, nameFrom, nameTo) : undefined;
    if (name === REPORTED) return false;
    const roles = this.placeIn(line, ROLES_SLOT, 'roles');
    const options = this.placeIn(line, OPTIONS_SLOT, 'options');
    if (roles < 0 || options < 0) return false;
    const host = this.ids.length;
    this.ids.push(id);
    this.note(idFrom, idTo);
    // A blank or missing name is the id.
    if (name === undefined) this.note(idFrom, idTo);
    else if (!this.push(nameFrom, nameTo, name)) return false;
    // The host and its id and name; each other text field below.
    this.values += hasName ? 3 : 2;
    let shape = 0;
    for (let slot = 0; slot < HOST_TEXT_FIELDS.length; slot += 1) {
      if (!(seen & (1 << slot))) continue;
      this.values += 1;
      const start = (from[slot] as number) + 1;
      const end = (to[slot] as number) - 1;
      const value = this.text(slot, start, end);
      if (value === REPORTED) return false;
      if (value === undefined) continue;
      shape |= 1 << slot;
      if (!this.push(start, end, value)) return false;
      if (slot === ZONE_SLOT && !holds(s, start, end, this.zone)) {
        this.zone = s.slice(start, end);
        this.zones.add(this.zone);
      }
    }
    if (host >= this.shapes.length) {
      this.shapes = doubled(this.shapes);
      this.roleAt = doubled(this.roleAt);
      this.optionAt = doubled(this.optionAt);
    }
    this.shapes[host] = shape;
    this.roleAt[host] = roles;
    this.optionAt[host] = options;
    return true;
  }

  private text(slot: number, from: number, to: number): RestoredText {
    const { restore, s } = this;
    const field = HOST_TEXT_FIELDS[slot];
    switch (field) {
      case 'fqdn':
        return restore.fqdn(s, from, to);
      case 'ip':
        return restore.ip(s, from, to);
      case 'site':
      case 'zone':
        return restore.shared(field, s, from, to);
      default:
        return restore.notes(s, from, to);
    }
  }
}

/**
 * The hosts of a hosts list's JSON text as columns, or undefined when the list is not flat host
 * lines that restore keeps without a report line.
 *
 * @param s - the hosts list's text (from its `[` to its `]`)
 * @param catalogue - the catalogue of the document's edition (restore checks roles against it)
 * @returns the columns, equal to the restored hosts packed; undefined to read the list as JSON
 * @example readHostLines('[\n    {"id":"a","name":"A","roles":["client"]}\n  ]', catalogue)?.ids // ['a']
 */
export function readHostLines(s: string, catalogue: Catalogue): HostColumns | undefined {
  let i = skipSpace(s, 0);
  if (s.charCodeAt(i) !== OPEN_LIST) return undefined;
  const columns = new Columns(s, new HostValues(catalogue));
  const line = newLine();
  i = skipSpace(s, i + 1);
  if (s.charCodeAt(i) !== CLOSE_LIST) {
    for (;;) {
      if (!readLine(s, i, line) || !columns.add(line)) return undefined;
      i = skipSpace(s, line.end);
      const c = s.charCodeAt(i);
      if (c === CLOSE_LIST) break;
      if (c !== COMMA) return undefined;
      i = skipSpace(s, i + 1);
    }
  }
  if (skipSpace(s, i + 1) !== s.length || columns.ids.length > MAX_ITEMS) return undefined;
  const { ids, roles, options, values, zones } = columns;
  const n = ids.length;
  return {
    ids,
    text: s,
    at: columns.at.subarray(0, columns.taken),
    shapes: columns.shapes.subarray(0, n),
    roles,
    roleAt: columns.roleAt.subarray(0, n),
    options,
    optionAt: columns.optionAt.subarray(0, n),
    values,
    zones,
  };
}
