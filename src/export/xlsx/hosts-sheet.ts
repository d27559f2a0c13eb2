/** The "Hosts" sheet: the host inventory with addresses, site, zone and roles. */
import type { Catalogue } from '@/domain/catalogue-types';
import type { TopologyDocument } from '@/domain/document';
import { type Engine, SheetWriter } from './sheet-writer';

export const HOSTS_SHEET = 'Hosts';

const HOST_COLUMNS = [
  { header: 'Name', width: 20 },
  { header: 'FQDN', width: 28 },
  { header: 'IP', width: 18 },
  { header: 'Site', width: 8 },
  { header: 'Zone', width: 16 },
  { header: 'Roles', width: 60 },
];

/** Writes one row per host, in document order. */
export function writeHostsSheet(
  engine: Engine,
  document: TopologyDocument,
  catalogue: Catalogue,
): SheetWriter {
  const writer = new SheetWriter(engine, { name: HOSTS_SHEET, columns: HOST_COLUMNS, table: true });
  const zoneName = new Map(document.zones.map((z) => [z.id, z.name]));
  for (const host of document.hosts) {
    writer.addRow([
      host.name,
      host.fqdn ?? '',
      host.ip ?? '',
      host.site ?? '',
      (host.zone && zoneName.get(host.zone)) || '',
      host.roles.map((id) => catalogue.roleById.get(id)?.name ?? id).join(', '),
    ]);
  }
  return writer;
}
