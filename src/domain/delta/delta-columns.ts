/**
 * The columns of a delta as the CSV and the workbook's "Changes" sheet write it, in order, and each
 * cell's value made from a {@link DeltaEntry} alone.
 */
import { formatPort } from '../flow';
import type { DeltaChange, DeltaEntry } from './delta-types';

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
  /** The header's message key (`export:delta.columns.<key>`), written in the reader's language. */
  readonly header: `export:delta.columns.${DeltaColumnKey}`;
  /** Width in characters for the workbook. */
  readonly width: number;
}

/** The delta columns, shared by the CSV and the "Changes" sheet. */
export const DELTA_COLUMNS: readonly DeltaColumn[] = [
  { key: 'change', header: 'export:delta.columns.change', width: 10 },
  { key: 'source', header: 'export:delta.columns.source', width: 18 },
  { key: 'target', header: 'export:delta.columns.target', width: 18 },
  { key: 'protocol', header: 'export:delta.columns.protocol', width: 9.5 },
  { key: 'portsBefore', header: 'export:delta.columns.portsBefore', width: 16 },
  { key: 'portsAfter', header: 'export:delta.columns.portsAfter', width: 16 },
  { key: 'service', header: 'export:delta.columns.service', width: 22 },
  { key: 'sections', header: 'export:delta.columns.sections', width: 36 },
];

/** The reader's word for each kind of change (`added`, `hinzugefügt`), given by the edge. */
export type DeltaChangeWords = Readonly<Record<DeltaChange, string>>;

/**
 * A delta cell for files that keep types: one single port stays a number (a spreadsheet can sort
 * it), several ports or a range are text (`80, 443`, `49152-65535`), sections are anchors joined
 * by `;` as the matrix writes them, the change is the reader's word for it.
 *
 * @param entry - A delta entry.
 * @param key - The column.
 * @param changes - The words of the change column.
 * @returns The cell's number or text.
 * @example
 * deltaCellValue(entry, 'portsAfter', changes); // 1533, or '80, 443', or '' for a removed flow
 */
export function deltaCellValue(
  entry: DeltaEntry,
  key: DeltaColumnKey,
  changes: DeltaChangeWords,
): string | number {
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
    case 'change':
      return changes[entry.change];
    default:
      return entry[key];
  }
}

/**
 * A delta cell as text (the CSV).
 *
 * @param entry - A delta entry.
 * @param key - The column.
 * @param changes - The words of the change column.
 * @returns {@link deltaCellValue} as text.
 * @example
 * deltaCellText(entry, 'portsBefore', changes); // '1433'
 */
export function deltaCellText(entry: DeltaEntry, key: DeltaColumnKey, changes: DeltaChangeWords): string {
  return String(deltaCellValue(entry, key, changes));
}
