/** The one call of an import: parsed tables in, a preview out. */
import type { Catalogue } from '../catalogue-types';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, type TopologyDocument } from '../document';
import { defaultSettings } from '../settings';
import { gridLayout } from './grid-layout';
import type { ImportPreview, ImportTable } from './import-types';
import { inferLinks } from './infer-links';
import { mergeRecords } from './merge';
import { readRecords } from './records';

/**
 * Builds the preview of an import: reads every table (its kind told by its header), merges the
 * servers by FQDN, makes one client group per boundary group, infers the links by the hierarchy
 * rules and places the hosts on a first grid. Pure; nothing throws, and nothing is changed until
 * `applyImport`. When every file failed, the preview has no hosts and lists the errors.
 *
 * @param tables - the files of one estate, as the parser read them
 * @param catalogue - the edition the diagram uses (its roles decide what maps)
 * @returns hosts, zones, links to be made (all inferred), unmapped rows and unreadable files
 * @example
 * const preview = buildImportPreview([rolesCsv, sitesCsv, groupsCsv], loadEdition('current'));
 * preview.unmapped.map((u) => `${u.file}:${u.line} ${u.message}`);
 */
export function buildImportPreview(tables: readonly ImportTable[], catalogue: Catalogue): ImportPreview {
  const { records, files, errors } = readRecords(tables, catalogue);
  const merged = mergeRecords(records);
  const draft: TopologyDocument = {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    name: 'Import',
    hosts: merged.hosts,
    links: [],
    zones: merged.zones,
    settings: defaultSettings(catalogue),
    layout: {},
  };
  const links = merged.hosts.length === 0 ? [] : inferLinks(draft, merged.groupLinks, catalogue);
  return {
    files,
    hosts: merged.hosts,
    links,
    zones: merged.zones,
    layout: gridLayout(merged.hosts),
    unmapped: [...records.unmapped, ...merged.unmapped],
    errors,
  };
}
