/**
 * The one call behind every way into an import (menu, canvas drop, CLI): the files of one estate
 * in, the preview out. Bytes are decoded here (UTF-8 with or without BOM, UTF-16 with BOM as
 * `Export-Csv -Encoding Unicode` writes, else Windows-1252 as Windows PowerShell 5.1's
 * `-Encoding Default` writes); workbooks go to exceljs. Nothing throws: a file that cannot be read
 * is listed in `preview.errors` and the others are still read.
 */
import type { Catalogue } from '@/domain/catalogue-types';
import { buildImportPreview } from '@/domain/import/import-preview';
import type { ImportError, ImportPreview, ImportTable } from '@/domain/import/import-types';
import { message } from '@/domain/message';
import { parseCsv } from './read-csv';
import { readXlsx } from './read-xlsx';

/** A file as the page or the CLI hands it in. */
export interface ImportFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Larger files are refused before they are decoded (50,000 site role rows are about 5 MB). */
export const IMPORT_MAX_BYTES = 64 * 1024 * 1024;

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The text of a CSV file by its byte order mark, else strict UTF-8, else Windows-1252.
 *
 * @param bytes - the file
 * @returns the text, or undefined for a binary file (it holds NUL characters)
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])); // 'A'
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff)
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
    }
  }
  return text.includes('\u0000') ? undefined : text;
}

/**
 * Reads one file into a table: a workbook by its zip signature, else CSV text.
 *
 * @param file - the file's name and bytes
 * @returns its table, or an error naming the file and line
 * @example
 * const table = await readImportFile({ name: 'roles.csv', bytes });
 */
export async function readImportFile(file: ImportFile): Promise<ImportTable | ImportError> {
  if (file.bytes.byteLength > IMPORT_MAX_BYTES) {
    return {
      file: file.name,
      line: 1,
      message: message('import:error.tooLarge', { size: IMPORT_MAX_BYTES / 1024 / 1024 }),
    };
  }
  if (isZip(file.bytes)) return readXlsx(file.name, file.bytes);
  const text = decodeText(file.bytes);
  if (text === undefined) {
    return { file: file.name, line: 1, message: message('import:error.notText') };
  }
  return parseCsv(file.name, text);
}

/**
 * Reads the files of one estate together and builds the import preview.
 *
 * @param files - the files (names for messages, bytes)
 * @param catalogue - the edition of the diagram the import goes into
 * @returns the preview; files that could not be read are in its `errors`
 * @example
 * const preview = await importFiles([{ name: 'roles.csv', bytes }], loadEdition('current'));
 * const next = applyImport(document, preview, 'replace'); // one undo step in the store
 */
export async function importFiles(
  files: readonly ImportFile[],
  catalogue: Catalogue,
): Promise<ImportPreview> {
  const tables: ImportTable[] = [];
  const errors: ImportError[] = [];
  for (const file of files) {
    const read = await readImportFile(file);
    if ('message' in read) errors.push(read);
    else tables.push(read);
  }
  const preview = buildImportPreview(tables, catalogue);
  if (errors.length === 0) return preview;
  // Errors in the order the files were given, whichever step found them.
  const order = new Map(files.map((f, i) => [f.name, i]));
  const all = [...errors, ...preview.errors].sort(
    (a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0),
  );
  return { ...preview, errors: all };
}
