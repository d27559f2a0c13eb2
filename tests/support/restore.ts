/** What the restore tests share: a raw document as a file would hold it, and restoring one that must be read. */
import { catalogue } from '@/domain/default-catalogue';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION } from '@/domain/document';
import { type RestoreResult, restoreDocument } from '@/domain/restore';
import { english } from './words';

/** A minimal raw document with `patch` on top (any value, as a file could have it). */
export const doc = (patch: Record<string, unknown>) => ({
  format: DOCUMENT_FORMAT,
  version: DOCUMENT_VERSION,
  name: 'Test',
  hosts: [],
  links: [],
  ...patch,
});

/**
 * A restore result with its report lines and refusal in English words, as the user reads them
 * (a key missing from the catalogue throws, so no assertion passes on a raw key).
 */
export function inEnglish(result: RestoreResult) {
  return result.ok
    ? { ...result, problems: result.problems.map((p) => english(p)) }
    : { ok: false as const, error: english(result.error) };
}

/** Restores `input`, failing the test when it is refused; report lines in English words. */
export function restored(input: unknown) {
  const result = inEnglish(restoreDocument(input, catalogue));
  if (!result.ok) throw new Error(result.error);
  return result;
}
