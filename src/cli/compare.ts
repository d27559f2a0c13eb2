/**
 * `derive NEW.json --compare OLD.json|OLD.xlsx --format delta-csv|delta-xlsx`: what changed since
 * an earlier request, as the app's "Compare with…" writes it. The earlier file is a saved diagram
 * (derived with the edition it was saved with) or a workbook of ours (its matrix read back).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Catalogue } from '@/domain/catalogue-types';
import { compareFlows } from '@/domain/delta/compare-flows';
import type { DeltaRow } from '@/domain/delta/delta-types';
import { rowsOfSavedDocument } from '@/domain/delta/saved-document';
import { MAX_FILE_BYTES } from '@/domain/limits';
import { type Message, message } from '@/domain/message';
import { deltaToCsv } from '@/export/delta-csv';
import { readOurWorkbook } from '@/export/read-workbook';
import { buildDeltaWorkbook } from '@/export/xlsx/delta-workbook';
import type { Language } from '@/i18n/languages';
import { rowWords } from '@/i18n/row-words';
import { CliError, decodeUtf8 } from './io';

/** The formats `--compare` writes: the delta as CSV, or as a workbook with one "Changes" sheet. */
export const DELTA_FORMATS = ['delta-csv', 'delta-xlsx'] as const;
export type DeltaFormat = (typeof DELTA_FORMATS)[number];

export const isDeltaFormat = (id: string): id is DeltaFormat =>
  (DELTA_FORMATS as readonly string[]).includes(id);

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

/** The earlier request's rows, and the rows of a workbook that could not be read (each with why). */
async function readEarlier(
  path: string,
  catalogue: Catalogue,
  language: Language,
): Promise<{ rows: readonly DeltaRow[]; skipped: readonly Message[] }> {
  if (!existsSync(path)) throw new CliError(message('cli:file.missing', { path }));
  const stat = statSync(path);
  if (!stat.isFile()) throw new CliError(message('cli:file.notAFile', { path }));
  if (stat.size > MAX_FILE_BYTES)
    throw new CliError(message('cli:file.tooLarge', { path, limit: MAX_FILE_BYTES / 1024 / 1024 }));
  const bytes = new Uint8Array(readFileSync(path));
  if (isZip(bytes) || /\.xlsx$/i.test(path)) {
    const read = await readOurWorkbook(bytes);
    if (!read.ok) throw new CliError(message('cli:file.refused', { path, reason: { message: read.error } }));
    return { rows: read.rows, skipped: read.problems };
  }
  const saved = rowsOfSavedDocument(decodeUtf8(path, bytes), catalogue, (c) => rowWords(c, language));
  if (!saved.ok) throw new CliError(message('cli:file.refused', { path, reason: { message: saved.error } }));
  return { rows: saved.rows, skipped: [] };
}

export interface DeltaRun {
  readonly format: DeltaFormat;
  /** The earlier file's path (`--compare`). */
  readonly earlier: string;
  /** Today's rows, in `language`. */
  readonly rows: readonly DeltaRow[];
  readonly catalogue: Catalogue;
  readonly language: Language;
  /** Today's diagram's name: the workbook's title. */
  readonly title: string;
  /** Says a row of the earlier workbook that was left out (on stderr). */
  readonly warn: (text: Message, file: string) => void;
}

/**
 * Compares today's rows with the earlier file's and writes the delta.
 *
 * @returns The CSV text or the workbook's bytes.
 */
export async function writeDelta(run: DeltaRun): Promise<string | Uint8Array> {
  const earlier = await readEarlier(run.earlier, run.catalogue, run.language);
  for (const why of earlier.skipped) run.warn(why, run.earlier);
  const delta = compareFlows(earlier.rows, run.rows);
  if (run.format === 'delta-csv') return deltaToCsv(delta, run.language);
  return buildDeltaWorkbook(delta, { title: run.title, language: run.language, exportedAt: new Date() });
}
