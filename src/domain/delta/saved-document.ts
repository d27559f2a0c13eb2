/** The "before" side of a comparison taken from a saved diagram: its rows, derived as it was saved. */
import type { Catalogue } from '../catalogue-types';
import { deriveFlows } from '../derive';
import { loadEdition } from '../editions';
import type { RowWords } from '../matrix/row-words';
import type { Message } from '../message';
import { readDocumentText } from '../restore';
import { type FlowRow, flowsToRows } from '../rows';

export type SavedRowsResult =
  | { readonly ok: true; readonly rows: FlowRow[]; readonly name: string }
  | { readonly ok: false; readonly error: Message };

/**
 * Reads a saved diagram and derives its matrix rows with the edition it was saved with, so the
 * earlier request is compared as it was made (not as today's edition would derive it).
 *
 * @param text - The saved file's text.
 * @param catalogue - The catalogue the app reads documents with (as `readDocumentText` takes it).
 * @param wordsFor - The reader's words for a catalogue (`(c) => rowWords(c, language)`): the
 *   rows are written in the language of the rows they are compared with (services match by name).
 * @returns The rows and the diagram's name, or the one-line reason the file cannot be read.
 * @example
 * const earlier = rowsOfSavedDocument(text, catalogue, (c) => rowWords(c, 'en'));
 * if (earlier.ok) compareFlows(earlier.rows, rows);
 */
export function rowsOfSavedDocument(
  text: string,
  catalogue: Catalogue,
  wordsFor: (catalogue: Catalogue) => RowWords,
): SavedRowsResult {
  const read = readDocumentText(text, catalogue);
  if (!read.ok) return { ok: false, error: read.error };
  const { document } = read;
  const own =
    document.settings.edition === catalogue.edition.id ? catalogue : loadEdition(document.settings.edition);
  const rows = flowsToRows(deriveFlows(document, own).flows, document, wordsFor(own));
  return { ok: true, rows, name: document.name };
}
