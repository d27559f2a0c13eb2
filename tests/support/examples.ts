import { readFileSync } from 'node:fs';
import { catalogue } from '@/domain/default-catalogue';
import type { TopologyDocument } from '@/domain/document';
import { readDocumentText } from '@/domain/restore';

/**
 * One of the example documents in data/examples, restored as the app opens it.
 *
 * @param name - the file's name without `.json` (`hierarchy`, `all-sections`, ...)
 * @returns the document; throws when restore refuses it
 */
export function example(name: string): TopologyDocument {
  const read = readDocumentText(readFileSync(`data/examples/${name}.json`, 'utf8'), catalogue);
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  return read.document;
}
