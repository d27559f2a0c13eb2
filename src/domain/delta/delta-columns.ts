/**
 * The columns of a delta as the CSV and the workbook's "Changes" sheet write it, in order, and each
 * cell's value made from a {@link DeltaEntry} alone.
 */
import { formatPort } from '../flow';
import type { DeltaEntry } from './delta-types';

export type DeltaColumnKey =
  | 'change'
  | 'source'
  | 'target'
  | 'protocol'
  | 'portsBefore'
  | 'portsAfter'
  | 'service'
  | 'sections';

export interface DeltaColumn {
  readonly key: DeltaColumnKey;
  readonly header: string;
  /** Width in characters for the workbook. */
  readonly width: number;
}

/** The delta columns, shared by the CSV and the "Changes" sheet. */
export const DELTA_COLUMNS: readonly DeltaColumn[] = [
  { key: 'change', header: 'Change', width: 10 },
  { key: 'source', header: 'Source host', width: 18 },
  { key: 'target', header: 'Destination host', width: 18 },
  { key: 'protocol', header: 'Protocol', width: 9.5 },
  { key: 'portsBefore', header: 'Port before', width: 16 },
  { key: 'portsAfter', header: 'Port after', width: 16 },
  { key: 'service', header: 'Service', width: 22 },
  { key: 'sections', header: 'Document section', width: 36 },
];

/**
 * A delta cell for files that keep types: one single port stays a number (a spreadsheet can sort
 * it), several ports or a range are text (`80, 443`, `49152-65535`), sections are anchors joined
 * by `;` as the matrix writes them.
 *
 * @param entry - A delta entry.
 * @param key - The column.
 * @returns The cell's number or text.
 * @example
 * deltaCellValue(entry, 'portsAfter'); // 1533, or '80, 443', or '' for a removed flow
 */
export function deltaCellValue(entry: DeltaEntry, key: DeltaColumnKey): string | number {
  switch (key) {
    case 'portsBefore':
    case 'portsAfter': {
      const ports = entry[key];
      const only = ports.length === 1 ? ports[0] : undefined;
      if (only?.kind === 'single') return only.port;
      return ports.map(formatPort).join(', ');
    }
    case 'sections':
      return entry.sections.join(';');
    default:
      return entry[key];
  }
}

/**
 * A delta cell as text (the CSV).
 *
 * @param entry - A delta entry.
 * @param key - The column.
 * @returns {@link deltaCellValue} as text.
 * @example
 * deltaCellText(entry, 'portsBefore'); // '1433'
 */
export function deltaCellText(entry: DeltaEntry, key: DeltaColumnKey): string {
  return String(deltaCellValue(entry, key));
}
