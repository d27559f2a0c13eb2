/**
 * The example estate of tests/fixtures/import, written the way ConfigMgr's Export-Csv writes:
 * a CAS, two primaries and a secondary, 30 site system servers, 12 boundary groups, and a host
 * list kept in German. Every file kind, BOM, `;`, CRLF, quoted newlines and NAL paths are in it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countFindings } from '@/domain/checks/finding';
import { runChecks } from '@/domain/checks/run-checks';
import { loadEdition } from '@/domain/editions';
import { applyImport } from '@/domain/import/apply-import';
import type { ImportPreview } from '@/domain/import/import-types';
import { createEmptyDocument } from '@/domain/restore';
import { importFiles } from '@/import/import-files';

const DIR = 'tests/fixtures/import';
const catalogue = loadEdition('current');

let preview: ImportPreview;
beforeAll(async () => {
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.csv'))
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(DIR, name))) }));
  preview = await importFiles(files, catalogue);
});

const host = (name: string) => {
  const found = preview.hosts.find((h) => h.name === name);
  if (!found) throw new Error(`no host ${name}`);
  return found;
};
const linkNames = () =>
  preview.links.map(
    (l) =>
      `${preview.hosts.find((h) => h.id === l.source)?.name} – ${preview.hosts.find((h) => h.id === l.target)?.name}`,
  );

describe('the example estate', () => {
  it('reads every file, each by its kind, with nothing left unmapped', () => {
    expect(preview.errors).toEqual([]);
    expect(preview.unmapped).toEqual([]);
    expect(Object.fromEntries(preview.files.map((f) => [f.file, [f.kind, f.rows]]))).toEqual({
      'boundaries.csv': ['boundaries', 15],
      'boundary-groups.csv': ['boundary-groups', 12],
      'hosts-de.csv': ['hosts', 8],
      'site-roles.csv': ['site-roles', 78],
      'sites.csv': ['sites', 4],
    });
  });

  it('has one host per server (30 site systems, 2 consoles) and one client group per boundary group', () => {
    const servers = preview.hosts.filter((h) => h.fqdn !== undefined);
    expect(servers).toHaveLength(32);
    expect(new Set(servers.map((h) => h.fqdn?.toLowerCase())).size).toBe(32);
    expect(preview.hosts.filter((h) => h.roles.includes('client')).map((h) => h.name)).toHaveLength(12);
    expect(preview.hosts).toHaveLength(44);
  });

  it('gives each site server its site type and parent (Get-CMSite Type 4, 2, 2, 1)', () => {
    const sites = preview.hosts
      .filter((h) => h.roles.includes('site-server'))
      .map((h) => [h.name, h.site, h.options.siteType, h.options.parentSite]);
    expect(sites).toEqual([
      ['C01-SITE', 'C01', 'cas', undefined],
      ['P01-SITE', 'P01', 'primary', 'C01'],
      ['P02-SITE', 'P02', 'primary', 'C01'],
      ['S01-SITE', 'S01', 'secondary', 'P01'],
    ]);
  });

  it.each([
    ['C01-SITE', ['site-server', 'sms-provider']],
    ['P02-SITE', ['site-server', 'sql-server', 'sms-provider']],
    ['S01-SITE', ['site-server', 'sql-server', 'management-point', 'distribution-point']],
    ['C01-SCP', ['service-connection-point', 'asset-intelligence-sync-point']],
    ['P01-MP01', ['management-point']],
    ['P01-DP03', ['distribution-point']],
    ['P01-CMGCP', ['cmg-connection-point']],
    ['P02-APP', ['app-catalog-web-service-point', 'app-catalog-website-point']],
    ['ADMIN-WS01', ['console']],
  ])('%s holds %j', (name, roles) => {
    expect(host(name).roles).toEqual(roles);
  });

  it('merges the host list (German header, FQDN in another case or missing) into the servers', () => {
    expect(host('C01-SITE')).toMatchObject({ fqdn: 'c01-site.corp.example', ip: '10.0.0.10', zone: 'z1' });
    expect(host('P01-MP01')).toMatchObject({ fqdn: 'P01-MP01.corp.example', ip: '10.10.1.20' });
    expect(preview.zones).toEqual([
      { id: 'z1', name: 'Rechenzentrum' },
      { id: 'z2', name: 'Verwaltung' },
    ]);
  });

  it("keeps each boundary group's boundaries, typed by Get-CMBoundary", () => {
    expect(host('BG-P01-Datacenter')).toMatchObject({
      site: 'P01',
      ip: '10.13.0.0/24',
      notes: 'Boundary group BG-P01-Datacenter: IP subnet 10.13.0.0/24, IPv6 prefix fd00:13::',
    });
    expect(host('BG-P01-Labs').notes).toBe('Boundary group BG-P01-Labs: AD site Muenchen-Labs');
  });

  it('infers the links: groups to their site systems, site systems to site server and database, sites to parents', () => {
    const links = linkNames();
    expect(links).toHaveLength(76);
    expect(links).toEqual(
      expect.arrayContaining([
        // Boundary group site systems (NAL paths over several lines, and FQDN lists).
        'BG-P01-HQ – P01-MP01',
        'BG-P01-HQ – P01-SMP',
        'BG-P02-Retail – P02-SUP01',
        // A group without site systems: MP and DP of its site, from the checks' fixes; its site's SUP.
        'BG-P01-Labs – P01-MP01',
        'BG-P01-Labs – P01-DP01',
        'BG-P01-Labs – P01-SUP01',
        'P01-SITE – P01-DP01',
        'P01-MP01 – P01-SQL',
        'C01-SITE – C01-SQL',
        'P01-SITE – C01-SITE',
        'S01-SITE – P01-SITE',
        'P01-SQL – C01-SQL',
        'P02-ENRP – P02-ENR',
      ]),
    );
    expect(preview.links.every((l) => l.inferred)).toBe(true);
  });

  it('passes the checks with no error once applied', () => {
    const document = applyImport(createEmptyDocument(catalogue), preview, 'replace');
    const findings = runChecks(document, catalogue);
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
    expect(countFindings(findings).error).toBe(0);
  });
});
