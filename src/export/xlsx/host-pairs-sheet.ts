/** The "Host pairs" sheet: one row per source and destination host, for a firewall change request. */
import { consolidateHostPairs } from '@/domain/host-pairs';
import type { FlowRow } from '@/domain/rows';
import { type Engine, SheetWriter } from './sheet-writer';
import { RISK_FONT, TOP_WRAP } from './styles';

export const HOST_PAIRS_SHEET = 'Host pairs';

const PAIR_COLUMNS = [
  { header: 'Source host', width: 18 },
  { header: 'Source FQDN/IP', width: 24 },
  { header: 'Source zone', width: 12 },
  { header: 'Destination host', width: 18 },
  { header: 'Destination FQDN/IP', width: 24 },
  { header: 'Destination zone', width: 12 },
  { header: 'Ports', width: 40 },
  { header: 'Services', width: 36 },
  { header: 'Risk', width: 22 },
  { header: 'Rules', width: 30 },
];

/** Writes the consolidated host pairs of the rows; returns the sheet and how many pairs it has. */
export function writeHostPairsSheet(
  engine: Engine,
  rows: readonly FlowRow[],
): { writer: SheetWriter; pairs: number } {
  const writer = new SheetWriter(engine, { name: HOST_PAIRS_SHEET, columns: PAIR_COLUMNS, table: true });
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
        pair.highRisk ? 'HIGH RISK: RPC dynamic range (note 6)' : '',
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
