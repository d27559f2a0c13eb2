import { cellValue, FLOW_COLUMNS, type FlowRow } from '@/domain/rows';
import type { ExportFormat } from './export-format';

/**
 * The flow rows as JSON (the CLI's default output, a format users rely on): an array of objects
 * with the matrix columns, plus `sectionUrl` and `highRisk`. `port` is a number or `"lo-hi"`,
 * `section` the anchors joined by `;`, as README documents. Added later, after those keys (a
 * reader of the old keys reads on): the FQDN and IP apart (`""` when absent), the zones' ranges
 * and the sections' headings as arrays. `verified`, a matrix column, is the test result's value
 * (`verified`, `blocked` or `untested`), not its words.
 * Text is written unchanged; JSON has no formulas.
 */
export function rowsToJson(rows: readonly FlowRow[]): string {
  const plain = rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const column of FLOW_COLUMNS) out[column.key] = cellValue(row, column.key);
    out.sectionUrl = row.sectionUrl;
    out.highRisk = row.highRisk;
    out.sourceFqdn = row.sourceFqdn;
    out.sourceIp = row.sourceIp;
    out.sourceZoneCidrs = row.sourceZoneCidrs;
    out.targetFqdn = row.targetFqdn;
    out.targetIp = row.targetIp;
    out.targetZoneCidrs = row.targetZoneCidrs;
    out.sectionTitles = row.sectionTitles;
    return out;
  });
  return `${JSON.stringify(plain, null, 2)}\n`;
}

/** The JSON export: the rows for scripts. */
export const jsonFormat: ExportFormat<'json'> = {
  id: 'json',
  label: 'JSON (.json)',
  hint: 'Flow matrix rows',
  noun: 'JSON file',
  words: {
    label: 'export:formats.json.label',
    hint: 'export:formats.json.hint',
    noun: 'export:formats.json.noun',
  },
  mime: 'application/json;charset=utf-8',
  extension: 'json',
  binary: false,
  async build({ rows, onProgress }) {
    const text = rowsToJson(rows);
    onProgress?.(rows.length, rows.length);
    return text;
  },
};
