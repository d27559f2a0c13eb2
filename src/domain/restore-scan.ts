/**
 * The first look at a document: one iterative pass over the raw value (an explicit stack, no
 * recursion) that checks the caps of limits.ts before any other step reads a field. Whatever
 * passes has bounded depth, list sizes and string lengths, so the field-by-field restore that
 * follows cannot overflow the stack or stall on a giant value.
 */

import { MAX_DEPTH, MAX_ITEMS, MAX_STRING_LENGTH, MAX_VALUES } from './limits';
import { type Message, type MessageParam, message } from './message';
import { quote } from './restore-values';

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

interface Frame {
  readonly value: unknown;
  readonly depth: number;
  /** The parent frame and the step from it, so a path is only built when a cap is hit. */
  readonly parent?: Frame;
  readonly step?: string | number;
}

/** `links[0].source` style path of a frame, for the refusal message (the file's own names). */
function pathOf(frame: Frame): MessageParam {
  const steps: string[] = [];
  for (let f: Frame | undefined = frame; f?.step !== undefined; f = f.parent) {
    const step = f.step;
    steps.push(
      typeof step === 'number' ? `[${step}]` : PLAIN_KEY.test(step) ? `.${step}` : `[${quote(step)}]`,
    );
    if (steps.length > MAX_DEPTH + 1) break;
  }
  const path = steps.reverse().join('');
  if (path === '') return { message: message('restore:limits.theDocument') };
  return path.startsWith('.') ? path.slice(1) : path;
}

/** A refusal naming where the cap was hit and the cap, written as digits like the file's values. */
const over = (key: string, frame: Frame | undefined, limit: number): Message =>
  message(`restore:limits.${key}`, { ...(frame ? { path: pathOf(frame) } : {}), limit: String(limit) });

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
  const stack: Frame[] = [{ value: input, depth: 0 }];
  let values = 0;
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const { value, depth } = frame;
    values += 1;
    if (values > MAX_VALUES) return over('values', undefined, MAX_VALUES);
    if (typeof value === 'string') {
      if (value.length > MAX_STRING_LENGTH) {
        return over('stringLength', frame, MAX_STRING_LENGTH);
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_DEPTH) return over('depth', frame, MAX_DEPTH);
    if (Array.isArray(value)) {
      if (value.length > MAX_ITEMS) return over('items', frame, MAX_ITEMS);
      for (let i = value.length - 1; i >= 0; i -= 1) {
        stack.push({ value: value[i], depth: depth + 1, parent: frame, step: i });
      }
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > MAX_ITEMS) return over('keys', frame, MAX_ITEMS);
    for (let i = keys.length - 1; i >= 0; i -= 1) {
      const key = keys[i] as string;
      if (key.length > MAX_STRING_LENGTH) {
        return over('keyLength', frame, MAX_STRING_LENGTH);
      }
      stack.push({
        value: (value as Record<string, unknown>)[key],
        depth: depth + 1,
        parent: frame,
        step: key,
      });
    }
  }
  return undefined;
}
