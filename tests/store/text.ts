import { isMessage } from '@/domain/message';
import type { Text } from '@/store/ui-types';
import { english } from '../support/words';

/**
 * What the user reads for a Text in English: a message in words (a missing key throws), text
 * the user gave as it is. For assertions on refusals and notices, which may be either.
 */
export function text(value: Text | undefined): string | undefined {
  if (value === undefined) return undefined;
  return isMessage(value) ? english(value) : value;
}
