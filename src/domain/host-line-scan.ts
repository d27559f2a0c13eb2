/**
 * The form of a host line (host-lines.ts): `{"key":value,…}` with the keys restore reads, each once,
 * string values without escape or control character, the roles a flat list and the options a flat
 * object, and no space inside. A line is read into where each value lies in the text; JSON.parse
 * checks the rest of a list's or object's form when host-values.ts first restores its text.
 */
import { MAX_STRING_LENGTH } from './limits';

const QUOTE = 34;
const BACKSLASH = 92;
export const COMMA = 44;
const COLON = 58;
export const OPEN_LIST = 91;
export const CLOSE_LIST = 93;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;

/** The optional text fields of a host, in the order restore makes them (after id, name, roles, options). */
export const HOST_TEXT_FIELDS = ['fqdn', 'ip', 'site', 'zone', 'notes'] as const;

// Each field's slot in a Line (its bit in `seen` is 1 << slot): the text fields at their place in
// HOST_TEXT_FIELDS, then these.
const textSlot = (field: (typeof HOST_TEXT_FIELDS)[number]) => HOST_TEXT_FIELDS.indexOf(field);
const FQDN_SLOT = textSlot('fqdn');
const IP_SLOT = textSlot('ip');
const SITE_SLOT = textSlot('site');
export const ZONE_SLOT = textSlot('zone');
const NOTES_SLOT = textSlot('notes');
export const ID_SLOT = HOST_TEXT_FIELDS.length;
export const NAME_SLOT = ID_SLOT + 1;
export const ROLES_SLOT = ID_SLOT + 2;
export const OPTIONS_SLOT = ID_SLOT + 3;

/** The field a key names (its bit), or 0 for any other key. */
function fieldAt(s: string, at: number, length: number): number {
  switch (length) {
    case 2:
      return s.startsWith('id', at) ? 1 << ID_SLOT : s.startsWith('ip', at) ? 1 << IP_SLOT : 0;
    case 4:
      if (s.startsWith('name', at)) return 1 << NAME_SLOT;
      if (s.startsWith('site', at)) return 1 << SITE_SLOT;
      if (s.startsWith('zone', at)) return 1 << ZONE_SLOT;
      return s.startsWith('fqdn', at) ? 1 << FQDN_SLOT : 0;
    case 5:
      if (s.startsWith('roles', at)) return 1 << ROLES_SLOT;
      return s.startsWith('notes', at) ? 1 << NOTES_SLOT : 0;
    case 7:
      return s.startsWith('options', at) ? 1 << OPTIONS_SLOT : 0;
    default:
      return 0;
  }
}

/** Where the string opening at `at` closes (its quote), or -1 for an escape, a control character or no end. */
function stringEnd(s: string, at: number): number {
  if (s.charCodeAt(at) !== QUOTE) return -1;
  for (let i = at + 1; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c === QUOTE) return i - at - 1 > MAX_STRING_LENGTH ? -1 : i;
    if (c === BACKSLASH || c < 32) return -1;
  }
  return -1;
}

/**
 * Where a flat list or object opening at `at` closes (its bracket), or -1: its strings as
 * {@link stringEnd} reads them, nothing nested. JSON.parse checks the rest of its form.
 */
function flatEnd(s: string, at: number, open: number, close: number): number {
  if (s.charCodeAt(at) !== open) return -1;
  for (let i = at + 1; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c === close) return i;
    if (c === QUOTE) {
      i = stringEnd(s, i);
      if (i < 0) return -1;
    } else if (c === OPEN_LIST || c === OPEN_OBJECT || c === CLOSE_LIST || c === CLOSE_OBJECT) return -1;
  }
  return -1;
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** One host line's fields: which it has (a bit per slot) and where each value lies in the text (start, end), by slot. */
export interface Line {
  seen: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Where the line ends (after its closing brace). */
  end: number;
}

/** A line to read host lines into, one after another. */
export const newLine = (): Line => ({
  seen: 0,
  from: new Int32Array(OPTIONS_SLOT + 1),
  to: new Int32Array(OPTIONS_SLOT + 1),
  end: 0,
});

/** Reads the host object opening at `at` into `line`; false when it is not a flat host line. */
export function readLine(s: string, at: number, line: Line): boolean {
  if (s.charCodeAt(at) !== OPEN_OBJECT) return false;
  line.seen = 0;
  let i = at + 1;
  if (s.charCodeAt(i) === CLOSE_OBJECT) {
    line.end = i + 1;
    return true;
  }
  for (;;) {
    const keyEnd = stringEnd(s, i);
    if (keyEnd < 0 || s.charCodeAt(keyEnd + 1) !== COLON) return false;
    const bit = fieldAt(s, i + 1, keyEnd - i - 1);
    // Another field, or one given twice (JSON.parse keeps the last), is left to JSON.
    if (bit === 0 || line.seen & bit) return false;
    line.seen |= bit;
    const start = keyEnd + 2;
    const end =
      bit === 1 << ROLES_SLOT
        ? flatEnd(s, start, OPEN_LIST, CLOSE_LIST)
        : bit === 1 << OPTIONS_SLOT
          ? flatEnd(s, start, OPEN_OBJECT, CLOSE_OBJECT)
          : stringEnd(s, start);
    if (end < 0) return false;
    const slot = 31 - Math.clz32(bit);
    line.from[slot] = start;
    line.to[slot] = end + 1;
    const next = s.charCodeAt(end + 1);
    i = end + 2;
    if (next === CLOSE_OBJECT) {
      line.end = i;
      return true;
    }
    if (next !== COMMA) return false;
  }
}

/** Where the next character that is not JSON whitespace is, from `at`. */
export function skipSpace(s: string, at: number): number {
  let i = at;
  while (i < s.length && isSpace(s.charCodeAt(i))) i += 1;
  return i;
}
