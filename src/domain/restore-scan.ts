/**
 * The first look at a document: one iterative pass over the raw value (an explicit stack, no
 * recursion) that checks the caps of limits.ts before any other step reads a field. Whatever
 * passes has bounded depth, list sizes and string lengths, so the field-by-field restore that
 * follows cannot overflow the stack or stall on a giant value.
 *
 * The stack holds only the lists and objects on the way down to the value being looked at (at most
 * MAX_DEPTH of them), each with the next child to look at, so the pass allocates nothing per value
 * but the key list of each object (a 100,000-host file has 2.9 million values).
 */

import { MAX_DEPTH, MAX_ITEMS, MAX_STRING_LENGTH, MAX_VALUES } from './limits';
import { type Message, type MessageParam, message } from './message';
import { quote } from './restore-values';

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The lists and objects on the way down from the document to the value being looked at. */
interface Way {
  /** Each open list or object, outermost first. */
  readonly containers: object[];
  /** An object's own keys (undefined for a list). */
  readonly keys: (readonly string[] | undefined)[];
  /** The index of the next child to look at. */
  readonly next: number[];
  /** The step from its parent to each container (undefined for the document itself). */
  readonly steps: (string | number | undefined)[];
}

/** `links[0].source` style path of the value at `step` under the open containers (the file's own names). */
function pathOf(way: Way, step: string | number | undefined): MessageParam {
  const steps = [...way.steps, step];
  let path = '';
  for (const s of steps) {
    if (s === undefined) continue;
    path += typeof s === 'number' ? `[${s}]` : PLAIN_KEY.test(s) ? `.${s}` : `[${quote(s)}]`;
  }
  if (path === '') return { message: message('restore:limits.theDocument') };
  return path.startsWith('.') ? path.slice(1) : path;
}

/** A refusal naming where the cap was hit and the cap, written as digits like the file's values. */
const over = (key: string, path: MessageParam | undefined, limit: number): Message =>
  message(`restore:limits.${key}`, { ...(path === undefined ? {} : { path }), limit: String(limit) });

/**
 * Checks a raw document against the caps of limits.ts without recursion.
 *
 * @param input - any value, typically straight from `JSON.parse`
 * @returns the reason it is refused, naming the field (`hosts[3].notes is longer than …`), or
 *   undefined when every cap holds
 * @example scanLimits({ hosts: [{ notes: 'x'.repeat(2_000_000) }] })
 * // { key: 'restore:limits.stringLength', … }: 'hosts[0].notes is longer than 1000000 characters'
 */
export function scanLimits(input: unknown): Message | undefined {
  const way: Way = { containers: [], keys: [], next: [], steps: [] };
  let value: unknown = input;
  let step: string | number | undefined;
  let values = 0;
  for (;;) {
    // Look at `value`, in the order of the file: the value first, then its children.
    values += 1;
    if (values > MAX_VALUES) return over('values', undefined, MAX_VALUES);
    if (typeof value === 'string') {
      if (value.length > MAX_STRING_LENGTH) return over('stringLength', pathOf(way, step), MAX_STRING_LENGTH);
    } else if (typeof value === 'object' && value !== null) {
      if (way.containers.length >= MAX_DEPTH) return over('depth', pathOf(way, step), MAX_DEPTH);
      let keys: string[] | undefined;
      let size: number;
      if (Array.isArray(value)) {
        size = value.length;
        if (size > MAX_ITEMS) return over('items', pathOf(way, step), MAX_ITEMS);
      } else {
        keys = Object.keys(value);
        size = keys.length;
        if (size > MAX_ITEMS) return over('keys', pathOf(way, step), MAX_ITEMS);
        for (let i = 0; i < size; i += 1) {
          if ((keys[i] as string).length > MAX_STRING_LENGTH)
            return over('keyLength', pathOf(way, step), MAX_STRING_LENGTH);
        }
      }
      if (size > 0) {
        way.containers.push(value);
        way.keys.push(keys);
        way.next.push(0);
        way.steps.push(step);
      }
    }
    // The next value: the next child of the innermost open container that has one left.
    for (;;) {
      const top = way.containers.length - 1;
      if (top < 0) return undefined;
      const container = way.containers[top] as unknown[] & Record<string, unknown>;
      const keys = way.keys[top];
      const at = way.next[top] as number;
      if (at < (keys === undefined ? container.length : keys.length)) {
        way.next[top] = at + 1;
        step = keys === undefined ? at : (keys[at] as string);
        value = container[step];
        break;
      }
      way.containers.pop();
      way.keys.pop();
      way.next.pop();
      way.steps.pop();
    }
  }
}
