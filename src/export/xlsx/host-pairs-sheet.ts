/** The "Host pairs" sheet: one row per source and destination host, for a firewall change request. */
import { consolidateHostPairs } from '@/domain/host-pairs';
import type { FlowRow } from '@/domain/rows';
import type { I18n } from '@/i18n/create-i18n';
import { type Engine, SheetWriter } from './sheet-writer';
import { RISK_FONT, TOP_WRAP } from './styles';

/** The sheet's English name (`export:sheets.pairs` names it in the workbook's language). */
export const HOST_PAIRS_SHEET = 'Host pairs';

const PAIR_COLUMNS = [
  { header: 'export:pairs.source', width: 18 },
  { header: 'export:pairs.sourceAddress', width: 24 },
  { header: 'export:pairs.sourceZone', width: 12 },
  { header: 'export:pairs.target', width: 18 },
  { header: 'export:pairs.targetAddress', width: 24 },
  { header: 'export:pairs.targetZone', width: 12 },
  { header: 'export:pairs.ports', width: 40 },
  { header: 'export:pairs.services', width: 36 },
  { header: 'export:pairs.risk', width: 22 },
  { header: 'export:pairs.rules', width: 30 },
] as const;

/** Writes the consolidated host pairs of the rows; returns the sheet and how many pairs it has. */
export function writeHostPairsSheet(
  engine: Engine,
  rows: readonly FlowRow[],
  i18n: I18n,
): { writer: SheetWriter; pairs: number } {
  const columns = PAIR_COLUMNS.map((c) => ({ header: i18n.t(c.header), width: c.width }));
  const writer = new SheetWriter(engine, { name: i18n.t('export:sheets.pairs'), columns, table: true });
  const risk = i18n.t('export:pairs.highRisk');
  const pairs = consolidateHostPairs(rows);
  for (const pair of pairs) {
    writer.addRow(
      [
        pair.source,
        pair.sourceAddress,
        pair.sourceZone,
        pair.target,
        pair.targetAddress,
        pair.targetZone,
        pair.portsText,
        pair.services.join(', '),
        pair.highRisk ? risk : '',
        pair.ruleIds.join(', '),
      ],
      undefined,
      (cell) => {
        cell(7).alignment = TOP_WRAP;
        if (pair.highRisk) cell(9).font = RISK_FONT;
      },
    );
  }
  return { writer, pairs: pairs.length };
}
