/**
 * The example topologies of data/examples (also the app's templates), as code: the all-sections
 * example is built from the catalogue's sections, so it follows every catalogue change, and the two
 * hand-drawn ones get their links, ids and default settings from the same builder. No I/O here:
 * scripts/build-examples.ts writes them (`npm run build:examples`) and
 * tests/scripts/examples.test.ts checks that the committed files are what these functions give.
 */
import { catalogue } from '@/domain/default-catalogue';
import type { Host, Link, Position, TopologyDocument, Zone } from '@/domain/document';
import { createEmptyDocument, serializeDocument } from '@/domain/restore';

type HostSpec = Omit<Host, 'options'> & { options?: Host['options']; at: [number, number] };

function build(
  name: string,
  description: string,
  specs: HostSpec[],
  pairs: [string, string, string?][],
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
  const links: Link[] = pairs.map(([source, target, label], i) => {
    if (!ids.has(source) || !ids.has(target)) throw new Error(`${name}: link ${source}-${target}`);
    return { id: `l${i + 1}`, source, target, ...(label ? { label } : {}) };
  });
  return { ...base, description, hosts, links, zones, settings: { ...base.settings, ...settings }, layout };
}

function standalone(): TopologyDocument {
  return build(
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
      { id: 'dc', name: 'Datacenter', kind: 'datacenter', cidrs: ['10.1.0.0/24'] },
      { id: 'lan', name: 'Client LAN', kind: 'clients', cidrs: ['10.20.0.0/16'] },
      { id: 'admin', name: 'Admin network', kind: 'datacenter', colour: 'purple', cidrs: ['10.1.5.0/24'] },
      { id: 'internet', name: 'Internet', kind: 'internet' },
    ],
  );
}

function hierarchy(): TopologyDocument {
  return build(
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
      {
        id: 'core',
        name: 'Core datacenter',
        kind: 'datacenter',
        cidrs: ['10.0.0.0/16', '10.1.0.0/16', '10.2.0.0/16'],
      },
      { id: 'branch', name: 'Branch office', kind: 'branch', cidrs: ['10.31.0.0/16'] },
      { id: 'lan', name: 'Client LAN', kind: 'clients', cidrs: ['10.21.0.0/16', '10.22.0.0/16'] },
    ],
  );
}

/**
 * Every connection section of the port document in one coherent hierarchy: one host per role
 * (site systems in primary site P01), links exactly where a section joins two roles, each labelled
 * with the anchors it carries. Sections between two hosts of one role (site server ↔ site server,
 * SQL ↔ SQL, client ↔ client) take a second host: the CAS above P01 and a second client group.
 * The few extra links a working hierarchy needs beyond the sections (the CAS database, the second
 * client group's management and distribution point) come last, so links l1… follow the sections.
 * The one distribution point is PXE- and multicast-enabled, so its three client sections apply.
 */
function allSections(): TopologyDocument {
  const specs: HostSpec[] = [];
  const hostIds = new Map<string, string>();
  const groupOrder = catalogue.roleGroups.map((g) => g.id);
  const roles = [...catalogue.roles].sort(
    (a, b) => groupOrder.indexOf(a.group) - groupOrder.indexOf(b.group),
  );
  // Rows of at most eight hosts, a new row for each role group; the CAS takes row 0.
  let row = 0;
  let col = 0;
  let group = '';
  const place = (roleGroup: string): [number, number] => {
    if (roleGroup !== group || col === 8) {
      row += 1;
      col = 0;
      group = roleGroup;
    }
    col += 1;
    return [(col - 1) * 220, row * 160];
  };
  const addHost = (key: string, spec: Omit<HostSpec, 'at'>, at: [number, number]) => {
    hostIds.set(key, spec.id);
    specs.push({ ...spec, at });
  };
  addHost(
    'site-server#2',
    { id: 'cas-ss', name: 'CAS-SS', site: 'CAS', roles: ['site-server'], options: { siteType: 'cas' } },
    [0, 0],
  );
  addHost('sql-server#2', { id: 'cas-sql', name: 'CAS-SQL', site: 'CAS', roles: ['sql-server'] }, [220, 0]);
  for (const role of roles) {
    const siteSystem = role.kind === 'site-system';
    const options: Host['options'] =
      role.id === 'site-server'
        ? { siteType: 'primary', parentSite: 'CAS' }
        : role.id === 'distribution-point'
          ? { pxe: true, multicast: true }
          : {};
    const id = role.abbr.toLowerCase();
    const name = siteSystem ? `P01-${role.abbr}` : role.id === 'client' ? 'Clients A' : role.name;
    addHost(
      role.id,
      { id, name, roles: [role.id], options, ...(siteSystem || role.id === 'client' ? { site: 'P01' } : {}) },
      place(role.group),
    );
    if (role.id === 'client') {
      addHost(
        'client#2',
        { id: 'cl-b', name: 'Clients B', site: 'P01', roles: ['client'], options: {} },
        place(role.group),
      );
    }
  }
  const host = (key: string) => {
    const id = hostIds.get(key);
    if (!id) throw new Error(`all-sections: no host for ${key}`);
    return id;
  };
  const pairs: [string, string, string?][] = [];
  const labels = new Map<string, string[]>();
  for (const section of catalogue.sections) {
    const from = host(section.from);
    const to = host(section.from === section.to ? `${section.to}#2` : section.to);
    const key = [from, to].sort().join('|');
    const anchors = labels.get(key);
    if (anchors) anchors.push(section.anchor);
    else {
      labels.set(key, [section.anchor]);
      pairs.push([from, to]);
    }
  }
  const labelled = pairs.map(([from, to]): [string, string, string] => [
    from,
    to,
    (labels.get([from, to].sort().join('|')) ?? []).join(' '),
  ]);
  const extra: [string, string][] = [
    [host('site-server#2'), host('sql-server#2')],
    [host('client#2'), host('management-point')],
    [host('client#2'), host('distribution-point')],
  ];
  const base = createEmptyDocument(catalogue);
  return build(
    'Every section of the port document',
    `All ${catalogue.sections.length} connection sections in one hierarchy: one host per role in primary site P01 below a CAS, each link labelled with the sections it carries, the distribution point PXE- and multicast-enabled, and the installation ports of a remote SQL Server switched on.`,
    specs,
    [...labelled, ...extra],
    [],
    { flags: { ...base.settings.flags, includeSiteInstallation: true } },
  );
}

/** One example file: its name in data/examples and the text it should hold. */
export interface ExampleFile {
  readonly file: string;
  readonly text: string;
}

/**
 * Every example file with the text it should hold, serialized as the app saves documents.
 *
 * @returns the three examples, standalone primary first (the app's sample)
 * @example
 * for (const { file, text } of exampleFiles()) writeFileSync(`data/examples/${file}`, text);
 */
export function exampleFiles(): ExampleFile[] {
  return [
    { file: 'standalone-primary.json', text: serializeDocument(standalone()) },
    { file: 'hierarchy.json', text: serializeDocument(hierarchy()) },
    { file: 'all-sections.json', text: serializeDocument(allSections()) },
  ];
}
