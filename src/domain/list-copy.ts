/**
 * A copy of a list to be patched, as long as `length`: with entries to be appended, made at that
 * length (appending to a copy just long enough makes V8 copy its 400,000 entries again); else a
 * plain copy.
 *
 * @param list - The list as it was.
 * @param length - How long the patched list will be (at least `list.length`).
 * @returns A new list holding `list`'s entries, with room for the rest.
 * @example
 * const models = copyFor(prev.models, links.length);
 */
export function copyFor<T>(list: readonly T[], length: number): T[] {
  if (length === list.length) return list.slice();
  const copy = new Array<T>(length);
  for (let i = 0; i < list.length; i += 1) copy[i] = list[i] as T;
  return copy;
}
