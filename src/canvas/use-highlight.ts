import type { HighlightMark } from '@/store/highlight';

/**
 * A host's or link's mark under the matrix filter (see element-looks.ts, which hands each element
 * its own): this is the class name suffix on the element's root class, '' when unmarked.
 */
export function markClass(block: string, mark: HighlightMark): string {
  return mark ? ` ${block}--${mark}` : '';
}
