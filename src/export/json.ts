import { FLOW_COLUMNS, type FlowRow } from '@/domain/rows';

/**
 * The flow rows as JSON (the CLI's default output): an array of objects with the matrix columns,
 * plus `sectionUrl` and `highRisk`. Text is written unchanged; JSON has no formulas.
 */
export function rowsToJson(rows: readonly FlowRow[]): string {
  const plain = rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const column of FLOW_COLUMNS) out[column.key] = row[column.key];
    out.sectionUrl = row.sectionUrl;
    out.highRisk = row.highRisk;
    return out;
  });
  return `${JSON.stringify(plain, null, 2)}\n`;
}
