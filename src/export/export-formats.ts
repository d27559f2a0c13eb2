/**
 * The registry of export formats, and the one function that builds an export file from it. The
 * app lists the registry in the toolbar's Export menu and downloads what `buildExport` returns;
 * the CLI's `--format` takes the same ids. No DOM here: downloading is the app's step.
 */
import { fileName } from '@/domain/file-name';
import { i18nFor } from '@/i18n/row-words';
import { version as APP_VERSION } from '../../package.json';
import { csvFormat } from './csv';
import { abortError, type ControlledInput } from './export-control';
import type { ExportFormat, ExportInput } from './export-format';
import { jsonFormat } from './json';
import { ps1FirewallFormat } from './ps1-firewall';
import { ps1TestFormat } from './ps1-test';
import { xlsxFormat } from './xlsx-format';

/** Every format, in menu order. A new format is one file and one entry here. */
export const EXPORT_FORMATS = [xlsxFormat, csvFormat, jsonFormat, ps1FirewallFormat, ps1TestFormat] as const;

export type ExportFormatId = (typeof EXPORT_FORMATS)[number]['id'];

/** The format with this id; undefined for anything else (`toString` included). */
export function findExportFormat(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((format) => format.id === id);
}

/** The ids, for messages: `xlsx, csv or json`. */
export function exportFormatList(conjunction = 'or'): string {
  const ids = EXPORT_FORMATS.map((f) => f.id);
  return ids.length > 1 ? `${ids.slice(0, -1).join(', ')} ${conjunction} ${ids.at(-1)}` : ids.join('');
}

/**
 * Why an empty diagram cannot be exported (BAD-INPUTS 21), in English; `export:emptyExport` in
 * other languages (the UI may show it on a disabled button).
 */
export const EMPTY_EXPORT_REASON = i18nFor('en').t('export:emptyExport');

/** The fallback name of an export whose diagram name leaves no letters. */
const EXPORT_FALLBACK_NAME = 'flow-matrix';

/**
 * Builds an export file without touching the DOM, named after the diagram and the (local) date,
 * e.g. `standalone-primary-site-2026-11-25.xlsx`, in `input.language` (English when not given).
 * Throws for an empty diagram (in that language) or an unknown format; rejects with an AbortError
 * when `input.signal` aborts (the workbook's worker stops; no file is made).
 */
export async function buildExport(
  formatId: string,
  input: ControlledInput,
  now: Date = new Date(),
): Promise<{ blob: Blob; fileName: string }> {
  const format = findExportFormat(formatId);
  if (!format) throw new Error(`Unknown export format "${formatId}" (use ${exportFormatList()})`);
  if (input.rows.length === 0) throw new Error(i18nFor(input.language ?? 'en').t('export:emptyExport'));
  const name = fileName(input.document.name, format.extension, { date: now, fallback: EXPORT_FALLBACK_NAME });
  // The workbook reads the controls (phase, signal, picture); the other formats see a plain input.
  const data = await format.build({ appVersion: APP_VERSION, exportedAt: now, ...input } as ExportInput);
  if (input.signal?.aborted) throw abortError();
  const part = typeof data === 'string' ? data : (data as Uint8Array<ArrayBuffer>);
  return { blob: new Blob([part], { type: format.mime }), fileName: name };
}
