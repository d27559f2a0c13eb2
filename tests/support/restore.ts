/** What the restore tests share: a raw document as a file would hold it, and restoring one that must be read. */
import { catalogue } from '@/domain/default-catalogue';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION } from '@/domain/document';
import { restoreDocument } from '@/domain/restore';

/** A minimal raw document with `patch` on top (any value, as a file could have it). */
export const doc = (patch: Record<string, unknown>) => ({
  format: DOCUMENT_FORMAT,
  version: DOCUMENT_VERSION,
  name: 'Test',
  hosts: [],
  links: [],
  ...patch,
});

/** Restores `input`, failing the test when it is refused. */
export function restored(input: unknown) {
  const result = restoreDocument(input, catalogue);
  if (!result.ok) throw new Error(result.error);
  return result;
}
