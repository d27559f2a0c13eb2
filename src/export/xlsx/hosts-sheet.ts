/** The "Hosts" sheet: the host inventory with addresses, site, zone and roles. */
import type { Catalogue } from '@/domain/catalogue-types';
import { lacksIp } from '@/domain/checks/host-ip';
import type { TopologyDocument } from '@/domain/document';
import type { I18n } from '@/i18n/create-i18n';
import { type Engine, SheetWriter } from './sheet-writer';
import { MISSING_STYLE } from './styles';

/** The sheet's English name (`export:sheets.hosts` names it in the workbook's language). */
export const HOSTS_SHEET = 'Hosts';

const HOST_COLUMNS = [
  { header: 'export:hosts.name', width: 20 },
  { header: 'export:hosts.fqdn', width: 28 },
  { header: 'export:hosts.ip', width: 18 },
  { header: 'export:hosts.site', width: 8 },
  { header: 'export:hosts.zone', width: 16 },
  { header: 'export:hosts.roles', width: 60 },
] as const;

/** Writes one row per host, in document order; role names come from `catalogue` (in the workbook's language). */
export function writeHostsSheet(
  engine: Engine,
  document: TopologyDocument,
  catalogue: Catalogue,
  i18n: I18n,
): SheetWriter {
  const columns = HOST_COLUMNS.map((c) => ({ header: i18n.t(c.header), width: c.width }));
  const writer = new SheetWriter(engine, { name: i18n.t('export:sheets.hosts'), columns, table: true });
  const zoneName = new Map(document.zones.map((z) => [z.id, z.name]));
  const ipMissing = i18n.t('matrix:file.ipMissing');
  for (const host of document.hosts) {
    const missing = lacksIp(host, catalogue);
    writer.addRow(
      [
        host.name,
        host.fqdn ?? '',
        missing ? ipMissing : (host.ip ?? ''),
        host.site ?? '',
        (host.zone && zoneName.get(host.zone)) || '',
        host.roles.map((id) => catalogue.roleById.get(id)?.name ?? id).join(', '),
      ],
      undefined,
      (cell) => {
        if (missing) cell(3).style = MISSING_STYLE;
      },
    );
  }
  return writer;
}
