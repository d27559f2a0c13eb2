/**
 * The first look at a document: one pass over the raw value that checks the caps of limits.ts
 * before any other step reads a field. Whatever passes has bounded depth, list sizes and string
 * lengths, so the field-by-field restore that follows cannot overflow the stack or stall on a
 * giant value.
 *
 * The pass recurses, but never below MAX_DEPTH open lists and objects (the depth cap is checked
 * before a value is looked into), so a hostile nesting cannot overflow the stack. It allocates
 * nothing per value, not even a key list per object (a 100,000-host file has 2.9 million values and
 * 700,000 objects); the path of a refusal is put together only when there is one.
 */

import { MAX_DEPTH, MAX_ITEMS, MAX_STRING_LENGTH, MAX_VALUES } from './limits';
import { type Message, type MessageParam, message } from './message';
import { quote } from './restore-values';

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** What one pass has seen: the values counted and, on a refusal, what and where. */
interface Scan {
  values: number;
  /** The cap hit first, in the order of the file. */
  refusal?: { readonly key: string; readonly limit: number; readonly named: boolean };
  /** The steps from the document down to the value that hit it, innermost first. */
  readonly steps: (string | number)[];
}

/** `links[0].source` style path of the steps (the file's own names), outermost first. */
function pathOf(steps: readonly (string | number)[]): MessageParam {
  let path = '';
  for (const s of steps) {
    path += typeof s === 'number' ? `[${s}]` : PLAIN_KEY.test(s) ? `.${s}` : `[${quote(s)}]`;
  }
  if (path === '') return { message: message('restore:limits.theDocument') };
  return path.startsWith('.') ? path.slice(1) : path;
}

/** Notes the cap hit; `named` when the refusal names the value's path. */
function refuse(scan: Scan, key: string, limit: number, named = true): false {
  scan.refusal = { key, limit, named };
  return false;
}

/** Looks at a value that is not a list or object: counts it and checks a string's length. */
function scanLeaf(value: unknown, scan: Scan): boolean {
  scan.values += 1;
  if (scan.values > MAX_VALUES) return refuse(scan, 'values', MAX_VALUES, false);
  return (
    typeof value !== 'string' ||
    value.length <= MAX_STRING_LENGTH ||
    refuse(scan, 'stringLength', MAX_STRING_LENGTH)
  );
}

/**
 * Looks at `value` and then at its children, in the order of the file. Recursion is bounded: a
 * value is only looked into below MAX_DEPTH open lists and objects.
 *
 * @returns false on the first cap hit, with the steps down to it in `scan.steps`
 */
function scanValue(value: unknown, depth: number, scan: Scan): boolean {
  if (typeof value !== 'object' || value === null) return scanLeaf(value, scan);
  scan.values += 1;
  if (scan.values > MAX_VALUES) return refuse(scan, 'values', MAX_VALUES, false);
  if (depth >= MAX_DEPTH) return refuse(scan, 'depth', MAX_DEPTH);
  if (Array.isArray(value)) {
    const size = value.length;
    if (size > MAX_ITEMS) return refuse(scan, 'items', MAX_ITEMS);
    for (let i = 0; i < size; i += 1) {
      const item: unknown = value[i];
      // Most values are strings and numbers: looked at here, without a call that recurses.
      if (
        typeof item === 'object' && item !== null ? !scanValue(item, depth + 1, scan) : !scanLeaf(item, scan)
      ) {
        scan.steps.push(i);
        return false;
      }
    }
    return true;
  }
  // Own keys in their order, without a key list per object (a parsed object inherits no
  // enumerable key, so for-in lists its own); each key is checked before its value is looked at.
  let size = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    size += 1;
    if (size > MAX_ITEMS) return refuse(scan, 'keys', MAX_ITEMS);
    if (key.length > MAX_STRING_LENGTH) return refuse(scan, 'keyLength', MAX_STRING_LENGTH);
    const field = (value as Record<string, unknown>)[key];
    if (
      typeof field === 'object' && field !== null
        ? !scanValue(field, depth + 1, scan)
        : !scanLeaf(field, scan)
    ) {
      scan.steps.push(key);
      return false;
    }
  }
  return true;
}

/**
 * Checks a raw document against the caps of limits.ts, looking into at most MAX_DEPTH levels.
 *
 * @param input - any value, typically straight from `JSON.parse`
 * @param counted - when given, gets how many values the scan counted (up to the refusal, if any)
 * @param depth - how deep `input` lies in its document (a part of one read on its own: 1 for a
 *   top-level list); the path of a refusal then starts at `input`
 * @returns the reason it is refused, naming the field (`hosts[3].notes is longer than …`), or
 *   undefined when every cap holds
 * @example scanLimits({ hosts: [{ notes: 'x'.repeat(2_000_000) }] })
 * // { key: 'restore:limits.stringLength', … }: 'hosts[0].notes is longer than 1000000 characters'
 */
export function scanLimits(input: unknown, counted?: { values: number }, depth = 0): Message | undefined {
  const scan: Scan = { values: 0, steps: [] };
  const within = scanValue(input, depth, scan);
  if (counted) counted.values = scan.values;
  if (within) return undefined;
  const { key, limit, named } = scan.refusal as NonNullable<Scan['refusal']>;
  // Where the cap was hit and the cap, written as digits like the file's values.
  const cap = String(limit);
  const params: Record<string, MessageParam> = named
    ? { path: pathOf(scan.steps.reverse()), limit: cap }
    : { limit: cap };
  return message(`restore:limits.${key}`, params);
}
