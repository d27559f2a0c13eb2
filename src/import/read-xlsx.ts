/**
 * Reads a host list kept in a workbook: the first sheet with values, its first non-blank row the
 * header. exceljs is loaded with `import()` (a lazy chunk), never the npm `xlsx` package, whose
 * read-side advisories stay unfixed there.
 */
import type { Workbook } from 'exceljs';
import type { ImportError, ImportRow, ImportTable } from '@/domain/import/import-types';
import { message } from '@/domain/message';

type ExcelJsModule = typeof import('exceljs');

/**
 * Parses workbook bytes into a table; line numbers are the sheet's row numbers.
 *
 * @param file - the file name, for messages
 * @param bytes - the .xlsx file
 * @returns the table of the first sheet with values, or an error naming the file
 * @example
 * const table = await readXlsx('hosts.xlsx', bytes);
 */
export async function readXlsx(file: string, bytes: Uint8Array): Promise<ImportTable | ImportError> {
  const imported = (await import('exceljs')) as ExcelJsModule & { default?: ExcelJsModule };
  const ExcelJS = imported.default ?? imported;
  const workbook: Workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings want a Node Buffer; an ArrayBuffer is what it reads in the browser too.
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    await workbook.xlsx.load(buffer as ArrayBuffer);
  } catch (error) {
    return {
      file,
      line: 1,
      // exceljs's own words for what is wrong (a library message, not ours to translate).
      message: message('import:error.xlsxUnreadable', {
        reason: error instanceof Error ? error.message : String(error),
      }),
    };
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) return { file, line: 1, message: message('import:error.xlsxNoSheet') };
  let header: string[] | undefined;
  let headerLine = 0;
  const rows: ImportRow[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let col = 1; col <= width; col += 1) cells.push(row.getCell(col).text ?? '');
    if (cells.every((c) => c.trim() === '')) return;
    if (!header) {
      header = cells.map((c) => c.trim());
      headerLine = number;
    } else rows.push({ line: number, cells });
  });
  if (!header) return { file, line: 1, message: message('import:error.xlsxNoHeader') };
  return { file, headerLine, header, rows };
}
