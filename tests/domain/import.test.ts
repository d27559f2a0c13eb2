import { countFindings } from '@/domain/checks/finding';
import { runChecks } from '@/domain/checks/run-checks';
import { loadEdition } from '@/domain/editions';
import { applyImport, keepLinks } from '@/domain/import/apply-import';
import { detectKind } from '@/domain/import/headers';
import { buildImportPreview } from '@/domain/import/import-preview';
import type { ImportPreview, ImportTable } from '@/domain/import/import-types';
import { createEmptyDocument, restoreDocument } from '@/domain/restore';
import { makeDocument, makeHost } from '../builders';
import { english, german } from '../support/words';

const catalogue = loadEdition('current');

/** A table as the parser hands it in: header on line 2 (after `#TYPE`), rows from line 3. */
function table(file: string, header: string[], rows: string[][]): ImportTable {
  return { file, headerLine: 2, header, rows: rows.map((cells, i) => ({ line: i + 3, cells })) };
}

const roles = table(
  'roles.csv',
  ['NetworkOSPath', 'RoleName', 'SiteCode'],
  [
    ['\\\\P01-SITE.corp.example', 'SMS Site Server', 'P01'],
    ['\\\\P01-SITE.corp.example', 'SMS SQL Server', 'P01'],
    ['\\\\P01-SITE.corp.example', 'SMS Site System', 'P01'],
    ['\\\\P01-MP01.corp.example', 'SMS Management Point', 'P01'],
    ['\\\\p01-mp01.CORP.example', 'SMS Distribution Point', 'P01'],
    ['\\\\P01-MP01.corp.example', 'SMS Flux Capacitor', 'P01'],
    ['\\\\S01-SITE.corp.example', 'SMS Site Server', 'S01'],
    ['\\\\S01-SITE.corp.example', 'SMS SQL Server', 'S01'],
    ['\\\\S01-SITE.corp.example', 'SMS Distribution Point', 'S01'],
    ['\\\\S01-SITE.corp.example', 'SMS Management Point', 'S01'],
  ],
);
const sites = table(
  'sites.csv',
  ['SiteCode', 'Type', 'ReportingSiteCode', 'ServerName'],
  [
    ['P01', '2', '', 'P01-SITE.corp.example'],
    ['S01', '1', 'P01', 'S01-SITE.corp.example'],
  ],
);
const groups = table(
  'groups.csv',
  ['Name', 'DefaultSiteCode', 'Boundaries', 'SiteSystems'],
  [['HQ', 'P01', '10.1.0.0/16; Berlin-HQ', 'P01-MP01.corp.example; NOPE.corp.example']],
);

function names(preview: ImportPreview, ids: readonly string[]): string[] {
  return ids.map((id) => preview.hosts.find((h) => h.id === id)?.name ?? id);
}

describe('buildImportPreview', () => {
  const preview = buildImportPreview([roles, sites, groups], catalogue);

  it('tells each file by its header', () => {
    expect(preview.files.map((f) => f.kind)).toEqual(['site-roles', 'sites', 'boundary-groups']);
    expect(preview.errors).toEqual([]);
  });

  it('merges servers by FQDN regardless of case, collecting their roles', () => {
    expect(preview.hosts.map((h) => [h.name, h.fqdn, h.site, h.roles])).toEqual([
      ['P01-SITE', 'P01-SITE.corp.example', 'P01', ['site-server', 'sql-server']],
      ['P01-MP01', 'P01-MP01.corp.example', 'P01', ['management-point', 'distribution-point']],
      [
        'S01-SITE',
        'S01-SITE.corp.example',
        'S01',
        ['site-server', 'sql-server', 'distribution-point', 'management-point'],
      ],
      ['HQ', undefined, 'P01', ['client']],
    ]);
  });

  it('takes site type and parent from Get-CMSite', () => {
    expect(preview.hosts[0]?.options).toEqual({ siteType: 'primary' });
    expect(preview.hosts[2]?.options).toEqual({ siteType: 'secondary', parentSite: 'P01' });
  });

  it("keeps a boundary group's boundaries on its client group (a zone holds no address ranges)", () => {
    const group = preview.hosts[3];
    expect(group?.ip).toBe('10.1.0.0/16');
    expect(group?.notes).toBe('Boundary group HQ: IP subnet 10.1.0.0/16, AD site Berlin-HQ');
  });

  it('reports unknown role names and site systems with file, line and column', () => {
    expect(preview.unmapped).toEqual([
      expect.objectContaining({
        file: 'roles.csv',
        line: 8,
        column: 'RoleName',
        reason: 'unknown-role',
        value: 'SMS Flux Capacitor',
      }),
      expect.objectContaining({
        file: 'groups.csv',
        line: 3,
        reason: 'unknown-site-system',
        value: 'NOPE.corp.example',
      }),
    ]);
    expect(preview.unmapped.map((u) => english(u.message))).toEqual([
      'unknown role "SMS Flux Capacitor"',
      'site system "NOPE.corp.example" of boundary group HQ is in no site role or host file: not linked',
    ]);
  });

  it('says in German why rows were not mapped', () => {
    expect(preview.unmapped.map((u) => german(u.message))).toEqual([
      'unbekannte Rolle „SMS Flux Capacitor“',
      'Das Standortsystem „NOPE.corp.example“ der Begrenzungsgruppe HQ steht in keiner Standortrollen- oder Hostdatei: nicht verbunden',
    ]);
  });

  it('infers every link by the hierarchy rules, each marked inferred', () => {
    const made = preview.links.map((l) => [...names(preview, [l.source, l.target]), l.by]);
    // One link per pair: P01-SITE–P01-MP01 serves the site server link and the database link (SQL on the site server).
    expect(made).toEqual([
      ['HQ', 'P01-MP01', 'boundary-group'],
      ['P01-SITE', 'P01-MP01', 'site-server-link-missing'],
      ['S01-SITE', 'P01-SITE', 'site-to-site-link-missing'],
    ]);
    expect(preview.links.every((l) => l.inferred)).toBe(true);
  });

  it('leaves no error for the checks once applied', () => {
    const document = applyImport(createEmptyDocument(catalogue), preview, 'replace');
    expect(countFindings(runChecks(document, catalogue)).error).toBe(0);
  });

  it('names the header line of a file of another kind, and still reads the others', () => {
    const other = table('flows.csv', ['Source', 'Target', 'Port'], [['a', 'b', '443']]);
    const mixed = buildImportPreview([other, roles], catalogue);
    expect(mixed.errors.map((e) => ({ ...e, message: english(e.message) }))).toEqual([
      {
        file: 'flows.csv',
        line: 2,
        message: expect.stringMatching(/^the header \(Source, Target, Port\) is none of/),
      },
    ]);
    expect(mixed.hosts.length).toBeGreaterThan(0);
  });
});

describe('detectKind', () => {
  it.each([
    [['NetworkOSPath', 'RoleName', 'SiteCode'], 'site-roles'],
    [['Netzwerkpfad', 'Rollenname', 'Standortcode'], 'site-roles'],
    [['SiteCode', 'SiteName', 'Type', 'ReportingSiteCode', 'ServerName'], 'sites'],
    [['Standortcode', 'Typ', 'Übergeordneter Standort', 'Servername'], 'sites'],
    [['BoundaryGroup', 'BoundaryType', 'Value'], 'boundaries'],
    [['Begrenzungsgruppe', 'Begrenzungstyp', 'Wert'], 'boundaries'],
    [['Name', 'DefaultSiteCode', 'SiteSystems'], 'boundary-groups'],
    [['Name', 'FQDN', 'IP', 'Site', 'Roles', 'Zone'], 'hosts'],
    [['Name', 'FQDN', 'IP-Adresse', 'Standort', 'Rollen', 'Zone'], 'hosts'],
  ])('%j is a %s file', (header, kind) => {
    expect(detectKind(table('f.csv', header, []))).toMatchObject({ kind });
  });

  it('refuses a one-column list as a host list', () => {
    expect(detectKind(table('f.csv', ['Name'], []))).toMatchObject({ line: 2, file: 'f.csv' });
  });
});

describe('applyImport', () => {
  const preview = buildImportPreview([roles, sites, groups], catalogue);

  it('replaces the diagram, keeping its name and settings; the result restores without a problem', () => {
    const before = { ...createEmptyDocument(catalogue, 'Mine'), hosts: [makeHost('x', ['client'])] };
    const after = applyImport(before, preview, 'replace');
    expect(after.name).toBe('Mine');
    expect(after.settings).toBe(before.settings);
    expect(after.hosts.map((h) => h.name)).toEqual(['P01-SITE', 'P01-MP01', 'S01-SITE', 'HQ']);
    expect(after.links.every((l) => l.inferred === true && !('by' in l))).toBe(true);
    const restored = restoreDocument(JSON.parse(JSON.stringify(after)), catalogue);
    expect(restored.ok && restored.problems).toEqual([]);
  });

  it('adds to the diagram, merging a server already drawn (by FQDN) and placing the rest to its right', () => {
    const drawn = makeHost('mp', ['management-point'], { name: 'MP', fqdn: 'p01-mp01.corp.example' });
    const before = makeDocument([drawn, makeHost('h1', ['client'], { name: 'Clients' })], [], {
      layout: { mp: { x: 0, y: 0 }, h1: { x: 100, y: 0 } },
    });
    const after = applyImport(before, preview, 'add');
    expect(after.hosts.find((h) => h.id === 'mp')?.roles).toEqual(['management-point', 'distribution-point']);
    expect(after.hosts).toHaveLength(2 + 3);
    expect(new Set(after.hosts.map((h) => h.id)).size).toBe(after.hosts.length);
    const added = after.hosts.filter((h) => h.id !== 'mp' && h.id !== 'h1');
    for (const host of added) expect(after.layout[host.id]?.x).toBeGreaterThan(100);
    expect(after.links.some((l) => l.source === 'mp' || l.target === 'mp')).toBe(true);
  });

  it('leaves the document as it is when the import read nothing', () => {
    const before = createEmptyDocument(catalogue);
    const empty = buildImportPreview([table('x.csv', ['Foo'], [])], catalogue);
    expect(applyImport(before, empty, 'replace')).toBe(before);
  });

  it('keepLinks removes the mark, from some links or all', () => {
    const doc = applyImport(createEmptyDocument(catalogue), preview, 'replace');
    const first = doc.links[0]?.id ?? '';
    const one = keepLinks(doc, [first]);
    expect(one.links.filter((l) => !l.inferred).map((l) => l.id)).toEqual([first]);
    expect(keepLinks(doc).links.some((l) => l.inferred)).toBe(false);
    expect(keepLinks(keepLinks(doc))).toEqual(keepLinks(doc));
  });
});
