/** The "Zone pairs" sheet: what each firewall between two zones must let through. */
import { consolidateZonePairs } from '@/domain/matrix/zone-pairs';
import type { FlowRow } from '@/domain/rows';
import type { I18n } from '@/i18n/create-i18n';
import { type Engine, SheetWriter } from './sheet-writer';
import { RISK_FONT, TOP_WRAP } from './styles';

/** The sheet's English name (`export:sheets.zonePairs` names it in the workbook's language). */
export const ZONE_PAIRS_SHEET = 'Zone pairs';

const ZONE_PAIR_COLUMNS = [
  { header: 'export:zonePairs.sourceZone', width: 18 },
  { header: 'export:zonePairs.sourceCidrs', width: 22 },
  { header: 'export:zonePairs.targetZone', width: 18 },
  { header: 'export:zonePairs.targetCidrs', width: 22 },
  { header: 'export:zonePairs.ports', width: 48 },
  { header: 'export:zonePairs.services', width: 36 },
  { header: 'export:zonePairs.flows', width: 8 },
  { header: 'export:zonePairs.risk', width: 22 },
] as const;

/**
 * Writes one row per source zone and destination zone of the flows that cross a boundary
 * (`consolidateZonePairs`), protocols and ports merged, ranges kept as ranges, and the CIDRs of
 * both sides. A sheet without pairs says why in its first row.
 */
export function writeZonePairsSheet(
  engine: Engine,
  rows: readonly FlowRow[],
  i18n: I18n,
): { writer: SheetWriter; pairs: number } {
  const columns = ZONE_PAIR_COLUMNS.map((c) => ({ header: i18n.t(c.header), width: c.width }));
  const writer = new SheetWriter(engine, { name: i18n.t('export:sheets.zonePairs'), columns, table: true });
  const risk = i18n.t('export:pairs.highRisk');
  const noZone = i18n.t('export:zonePairs.noZone');
  const pairs = consolidateZonePairs(rows);
  for (const pair of pairs) {
    writer.addRow(
      [
        pair.sourceZoneId === '' ? noZone : pair.sourceZone,
        pair.sourceZoneCidrs.join(', '),
        pair.targetZoneId === '' ? noZone : pair.targetZone,
        pair.targetZoneCidrs.join(', '),
        pair.portsText,
        pair.services.join(', '),
        pair.flows,
        pair.highRisk ? risk : '',
      ],
      undefined,
      (cell) => {
        cell(5).alignment = TOP_WRAP;
        cell(6).alignment = TOP_WRAP;
        if (pair.highRisk) cell(8).font = RISK_FONT;
      },
    );
  }
  if (pairs.length === 0) writer.addRow([i18n.t('export:zonePairs.empty')]);
  return { writer, pairs: pairs.length };
}
