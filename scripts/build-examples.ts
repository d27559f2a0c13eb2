/**
 * Writes the example topologies in data/examples. Run `npx tsx scripts/build-examples.ts` after a
 * catalogue change; the all-sections example is built from the catalogue's sections.
 */
import { writeFileSync } from 'node:fs';
import { catalogue } from '@/domain/default-catalogue';
import type { Host, Link, Position, TopologyDocument, Zone } from '@/domain/document';
import { createEmptyDocument, serializeDocument } from '@/domain/restore';

type HostSpec = Omit<Host, 'options'> & { options?: Host['options']; at: [number, number] };

function build(
  name: string,
  description: string,
  specs: HostSpec[],
  pairs: [string, string][],
  zones: Zone[] = [],
  settings?: Partial<TopologyDocument['settings']>,
): TopologyDocument {
  const base = createEmptyDocument(catalogue, name);
  const layout: Record<string, Position> = {};
  const hosts: Host[] = specs.map(({ at, options, ...host }) => {
    layout[host.id] = { x: at[0], y: at[1] };
    return { ...host, options: options ?? {} };
  });
  const ids = new Set(hosts.map((h) => h.id));
  const links: Link[] = pairs.map(([source, target], i) => {
    if (!ids.has(source) || !ids.has(target)) throw new Error(`${name}: link ${source}-${target}`);
    return { id: `l${i + 1}`, source, target };
  });
  return { ...base, description, hosts, links, zones, settings: { ...base.settings, ...settings }, layout };
}

const standalone = build(
  'Standalone primary site',
  'One primary site (P01): site server with SQL Server and SMS provider on one host, a remote management point, a PXE-enabled distribution point, a software update point that synchronises from Microsoft Update, a domain controller, clients, an admin console and the internet.',
  [
    {
      id: 'site',
      name: 'P01-SITE',
      fqdn: 'p01-site.corp.example',
      ip: '10.1.0.10',
      site: 'P01',
      zone: 'dc',
      roles: ['site-server', 'sql-server', 'sms-provider'],
      options: { siteType: 'primary' },
      at: [420, 260],
    },
    {
      id: 'mp',
      name: 'P01-MP01',
      fqdn: 'p01-mp01.corp.example',
      ip: '10.1.0.20',
      site: 'P01',
      zone: 'dc',
      roles: ['management-point'],
      at: [120, 120],
    },
    {
      id: 'dp',
      name: 'P01-DP01',
      fqdn: 'p01-dp01.corp.example',
      ip: '10.1.0.30',
      site: 'P01',
      zone: 'dc',
      roles: ['distribution-point'],
      options: { pxe: true },
      at: [120, 420],
    },
    {
      id: 'sup',
      name: 'P01-SUP01',
      fqdn: 'p01-sup01.corp.example',
      ip: '10.1.0.40',
      site: 'P01',
      zone: 'dc',
      roles: ['software-update-point'],
      at: [720, 120],
    },
    {
      id: 'dc',
      name: 'DC01',
      fqdn: 'dc01.corp.example',
      ip: '10.1.0.5',
      zone: 'dc',
      roles: ['domain-controller', 'global-catalog'],
      at: [720, 420],
    },
    {
      id: 'clients',
      name: 'Clients HQ',
      ip: '10.20.0.0/16',
      site: 'P01',
      zone: 'lan',
      roles: ['client'],
      at: [-200, 270],
    },
    {
      id: 'console',
      name: 'ADMIN-WS01',
      fqdn: 'admin-ws01.corp.example',
      ip: '10.1.5.10',
      zone: 'admin',
      roles: ['console'],
      at: [420, -20],
    },
    { id: 'internet', name: 'Internet', zone: 'internet', roles: ['internet'], at: [1000, 260] },
  ],
  [
    ['mp', 'site'],
    ['dp', 'site'],
    ['sup', 'site'],
    ['site', 'dc'],
    ['mp', 'dc'],
    ['clients', 'mp'],
    ['clients', 'dp'],
    ['clients', 'sup'],
    ['clients', 'dc'],
    ['dp', 'mp'],
    ['console', 'site'],
    ['console', 'clients'],
    ['console', 'internet'],
    ['sup', 'internet'],
    ['site', 'internet'],
  ],
  [
    { id: 'dc', name: 'Datacenter' },
    { id: 'lan', name: 'Client LAN' },
    { id: 'admin', name: 'Admin network' },
    { id: 'internet', name: 'Internet' },
  ],
);

const hierarchy = build(
  'Hierarchy: CAS, two primaries, a secondary',
  'A central administration site with two primary sites, each with a remote SQL Server, and a secondary site below P01. SQL Servers replicate between sites; site servers copy files to each other.',
  [
    {
      id: 'cas',
      name: 'CAS-SITE',
      fqdn: 'cas-site.corp.example',
      ip: '10.0.0.10',
      site: 'CAS',
      zone: 'core',
      roles: ['site-server', 'sms-provider'],
      options: { siteType: 'cas' },
      at: [480, 0],
    },
    {
      id: 'cassql',
      name: 'CAS-SQL',
      fqdn: 'cas-sql.corp.example',
      ip: '10.0.0.11',
      site: 'CAS',
      zone: 'core',
      roles: ['sql-server'],
      at: [800, 0],
    },
    {
      id: 'p01',
      name: 'P01-SITE',
      fqdn: 'p01-site.corp.example',
      ip: '10.1.0.10',
      site: 'P01',
      zone: 'core',
      roles: ['site-server', 'sms-provider'],
      options: { siteType: 'primary', parentSite: 'CAS' },
      at: [160, 240],
    },
    {
      id: 'p01sql',
      name: 'P01-SQL',
      fqdn: 'p01-sql.corp.example',
      ip: '10.1.0.11',
      site: 'P01',
      zone: 'core',
      roles: ['sql-server'],
      at: [480, 240],
    },
    {
      id: 'p01mp',
      name: 'P01-MPDP',
      fqdn: 'p01-mpdp.corp.example',
      ip: '10.1.0.20',
      site: 'P01',
      zone: 'core',
      roles: ['management-point', 'distribution-point'],
      at: [160, 480],
    },
    {
      id: 'p02',
      name: 'P02-SITE',
      fqdn: 'p02-site.corp.example',
      ip: '10.2.0.10',
      site: 'P02',
      zone: 'core',
      roles: ['site-server', 'sms-provider', 'management-point', 'distribution-point'],
      options: { siteType: 'primary', parentSite: 'CAS' },
      at: [1120, 240],
    },
    {
      id: 'p02sql',
      name: 'P02-SQL',
      fqdn: 'p02-sql.corp.example',
      ip: '10.2.0.11',
      site: 'P02',
      zone: 'core',
      roles: ['sql-server'],
      at: [800, 240],
    },
    {
      id: 's01',
      name: 'S01-SITE',
      fqdn: 's01-site.branch.example',
      ip: '10.31.0.10',
      site: 'S01',
      zone: 'branch',
      roles: ['site-server', 'sql-server', 'management-point', 'distribution-point'],
      options: { siteType: 'secondary', parentSite: 'P01' },
      at: [-200, 480],
    },
    {
      id: 'dc',
      name: 'DC01',
      fqdn: 'dc01.corp.example',
      ip: '10.0.0.5',
      zone: 'core',
      roles: ['domain-controller', 'global-catalog'],
      at: [480, 720],
    },
    {
      id: 'c01',
      name: 'Clients P01',
      ip: '10.21.0.0/16',
      site: 'P01',
      zone: 'lan',
      roles: ['client'],
      at: [160, 720],
    },
    {
      id: 'c02',
      name: 'Clients P02',
      ip: '10.22.0.0/16',
      site: 'P02',
      zone: 'lan',
      roles: ['client'],
      at: [1120, 560],
    },
    {
      id: 'cs01',
      name: 'Clients branch',
      ip: '10.31.16.0/20',
      site: 'S01',
      zone: 'branch',
      roles: ['client'],
      at: [-200, 720],
    },
  ],
  [
    ['cas', 'cassql'],
    ['cas', 'p01'],
    ['cas', 'p02'],
    ['cassql', 'p01sql'],
    ['cassql', 'p02sql'],
    ['p01', 'p01sql'],
    ['p02', 'p02sql'],
    ['p01', 'p01mp'],
    ['p01mp', 'p01sql'],
    ['p01', 's01'],
    ['p01sql', 's01'],
    ['cas', 'dc'],
    ['p01', 'dc'],
    ['p02', 'dc'],
    ['s01', 'dc'],
    ['p01mp', 'dc'],
    ['c01', 'p01mp'],
    ['c01', 'dc'],
    ['c02', 'p02'],
    ['c02', 'dc'],
    ['cs01', 's01'],
    ['cs01', 'dc'],
  ],
  [
    { id: 'core', name: 'Core datacenter' },
    { id: 'branch', name: 'Branch office' },
    { id: 'lan', name: 'Client LAN' },
  ],
);

/** One host pair per document section: both ends carry exactly the section's two roles. */
function allSections(): TopologyDocument {
  const specs: HostSpec[] = [];
  const pairs: [string, string][] = [];
  catalogue.sections.forEach((section, i) => {
    const a = `s${i + 1}a`;
    const b = `s${i + 1}b`;
    const abbr = (id: string) => catalogue.roleById.get(id)?.abbr ?? id;
    const options = (role: string) =>
      role === 'distribution-point' && section.anchor.endsWith('DP3')
        ? { pxe: true }
        : role === 'distribution-point' && section.anchor.endsWith('DP2')
          ? { multicast: true }
          : {};
    const row = Math.floor(i / 4);
    const col = i % 4;
    specs.push(
      {
        id: a,
        name: `${String(i + 1).padStart(2, '0')}-${abbr(section.from)}-A`,
        roles: [section.from],
        options: options(section.from),
        at: [col * 460, row * 150],
      },
      {
        id: b,
        name: `${String(i + 1).padStart(2, '0')}-${abbr(section.to)}-B`,
        roles: [section.to],
        options: options(section.to),
        at: [col * 460 + 240, row * 150],
      },
    );
    pairs.push([a, b]);
  });
  const base = createEmptyDocument(catalogue);
  return build(
    'Every section of the port document',
    'One host pair for each of the 62 connection sections, PXE and multicast enabled where a section needs them, and the installation ports of a remote SQL Server switched on.',
    specs,
    pairs,
    [],
    { flags: { ...base.settings.flags, includeSiteInstallation: true } },
  );
}

const out = new URL('../data/examples/', import.meta.url);
writeFileSync(new URL('standalone-primary.json', out), serializeDocument(standalone));
writeFileSync(new URL('hierarchy.json', out), serializeDocument(hierarchy));
writeFileSync(new URL('all-sections.json', out), serializeDocument(allSections()));
console.log('examples written');
