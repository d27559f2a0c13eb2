/**
 * The first look at a document: one iterative pass over the raw value (an explicit stack, no
 * recursion) that checks the caps of limits.ts before any other step reads a field. Whatever
 * passes has bounded depth, list sizes and string lengths, so the field-by-field restore that
 * follows cannot overflow the stack or stall on a giant value.
 */

import { MAX_DEPTH, MAX_ITEMS, MAX_STRING_LENGTH, MAX_VALUES } from './limits';
import { quote } from './restore-values';

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

interface Frame {
  readonly value: unknown;
  readonly depth: number;
  /** The parent frame and the step from it, so a path is only built when a cap is hit. */
  readonly parent?: Frame;
  readonly step?: string | number;
}

/** `links[0].source` style path of a frame, for the refusal message. */
function pathOf(frame: Frame): string {
  const steps: string[] = [];
  for (let f: Frame | undefined = frame; f?.step !== undefined; f = f.parent) {
    const step = f.step;
    steps.push(
      typeof step === 'number' ? `[${step}]` : PLAIN_KEY.test(step) ? `.${step}` : `[${quote(step)}]`,
    );
    if (steps.length > MAX_DEPTH + 1) break;
  }
  const path = steps.reverse().join('');
  return path.startsWith('.') ? path.slice(1) : path || 'the document';
}

/**
 * Checks a raw document against the caps of limits.ts without recursion.
 *
 * @param input - any value, typically straight from `JSON.parse`
 * @returns the reason it is refused, naming the field (`hosts[3].notes is longer than …`), or
 *   undefined when every cap holds
 * @example scanLimits({ hosts: [{ notes: 'x'.repeat(2_000_000) }] })
 * // 'hosts[0].notes is longer than 1000000 characters'
 */
export function scanLimits(input: unknown): string | undefined {
  const stack: Frame[] = [{ value: input, depth: 0 }];
  let values = 0;
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const { value, depth } = frame;
    values += 1;
    if (values > MAX_VALUES) return `the document holds more than ${MAX_VALUES} values`;
    if (typeof value === 'string') {
      if (value.length > MAX_STRING_LENGTH) {
        return `${pathOf(frame)} is longer than ${MAX_STRING_LENGTH} characters`;
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_DEPTH) return `${pathOf(frame)} is nested more than ${MAX_DEPTH} levels deep`;
    if (Array.isArray(value)) {
      if (value.length > MAX_ITEMS) return `${pathOf(frame)} has more than ${MAX_ITEMS} items`;
      for (let i = value.length - 1; i >= 0; i -= 1) {
        stack.push({ value: value[i], depth: depth + 1, parent: frame, step: i });
      }
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > MAX_ITEMS) return `${pathOf(frame)} has more than ${MAX_ITEMS} keys`;
    for (let i = keys.length - 1; i >= 0; i -= 1) {
      const key = keys[i] as string;
      if (key.length > MAX_STRING_LENGTH) {
        return `a key in ${pathOf(frame)} is longer than ${MAX_STRING_LENGTH} characters`;
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
