/** The "Host pairs" sheet: one row per source and destination host, for a firewall change request. */
import { consolidateHostPairs } from '@/domain/host-pairs';
import type { FlowRow } from '@/domain/rows';
import type { I18n } from '@/i18n/create-i18n';
import { type Engine, SheetWriter } from './sheet-writer';
import { MISSING_STYLE, RISK_FONT, TOP_WRAP } from './styles';

/** The sheet's English name (`export:sheets.pairs` names it in the workbook's language). */
export const HOST_PAIRS_SHEET = 'Host pairs';

const PAIR_COLUMNS = [
  { header: 'export:pairs.source', width: 18 },
  { header: 'export:pairs.sourceFqdn', width: 24 },
  { header: 'export:pairs.sourceIp', width: 15 },
  { header: 'export:pairs.sourceZone', width: 12 },
  { header: 'export:pairs.target', width: 18 },
  { header: 'export:pairs.targetFqdn', width: 24 },
  { header: 'export:pairs.targetIp', width: 15 },
  { header: 'export:pairs.targetZone', width: 12 },
  { header: 'export:pairs.ports', width: 40 },
  { header: 'export:pairs.services', width: 36 },
  { header: 'export:pairs.risk', width: 22 },
  { header: 'export:pairs.rules', width: 30 },
] as const;

interface Address {
  readonly fqdn: string;
  readonly ip: string;
  /** The host needs an IP and has none: its cell says so. */
  readonly missing: boolean;
}

const NO_ADDRESS: Address = { fqdn: '', ip: '', missing: false };

/** Writes the consolidated host pairs of the rows; returns the sheet and how many pairs it has. */
export function writeHostPairsSheet(
  engine: Engine,
  rows: readonly FlowRow[],
  i18n: I18n,
): { writer: SheetWriter; pairs: number } {
  const columns = PAIR_COLUMNS.map((c) => ({ header: i18n.t(c.header), width: c.width }));
  const writer = new SheetWriter(engine, { name: i18n.t('export:sheets.pairs'), columns, table: true });
  const risk = i18n.t('export:pairs.highRisk');
  const missing = i18n.t('matrix:file.ipMissing');
  // A pair names its hosts by id; their FQDN and IP come from any of their rows.
  const addresses = new Map<string, Address>();
  for (const row of rows) {
    if (!addresses.has(row.sourceId))
      addresses.set(row.sourceId, { fqdn: row.sourceFqdn, ip: row.sourceIp, missing: row.sourceIpMissing });
    if (!addresses.has(row.targetId))
      addresses.set(row.targetId, { fqdn: row.targetFqdn, ip: row.targetIp, missing: row.targetIpMissing });
  }
  const pairs = consolidateHostPairs(rows);
  for (const pair of pairs) {
    const s = addresses.get(pair.sourceId) ?? NO_ADDRESS;
    const t = addresses.get(pair.targetId) ?? NO_ADDRESS;
    writer.addRow(
      [
        pair.source,
        s.fqdn,
        s.missing ? missing : s.ip,
        pair.sourceZone,
        pair.target,
        t.fqdn,
        t.missing ? missing : t.ip,
        pair.targetZone,
        pair.portsText,
        pair.services.join(', '),
        pair.highRisk ? risk : '',
        pair.ruleIds.join(', '),
      ],
      undefined,
      (cell) => {
        if (s.missing) cell(3).style = MISSING_STYLE;
        if (t.missing) cell(7).style = MISSING_STYLE;
        cell(9).alignment = TOP_WRAP;
        if (pair.highRisk) cell(11).font = RISK_FONT;
      },
    );
  }
  return { writer, pairs: pairs.length };
}
