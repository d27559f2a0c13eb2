/** Merges the records of an estate into hosts: one per server (by FQDN), one client group per boundary group. */
import type { RoleId } from '../catalogue-types';
import { comparableName, freeName } from '../checks/host-names';
import type { Host, HostOptions, Zone } from '../document';
import { checkIp } from '../ip';
import { message } from '../message';
import type { Boundary, BoundaryGroupRecord, ImportRecords, UnmappedRow } from './import-types';
import { BOUNDARY_WORDS } from './values';

/** Roles a client group reaches in the site systems its boundary group lists. */
export const GROUP_SERVICE_ROLES: readonly RoleId[] = [
  'management-point',
  'distribution-point',
  'cloud-distribution-point',
  'software-update-point',
  'state-migration-point',
];

type Draft = {
  id: string;
  name: string;
  fqdn?: string;
  ip?: string;
  site?: string;
  zone?: string;
  roles: RoleId[];
  options: HostOptions;
  notes?: string;
};

export interface Merged {
  readonly hosts: readonly Host[];
  readonly zones: readonly Zone[];
  /** `[client group, site system]` pairs from the boundary groups' site system lists. */
  readonly groupLinks: readonly (readonly [string, string])[];
  readonly unmapped: readonly UnmappedRow[];
}

/** Hosts by FQDN (lower case) and by short name, so `P01-MP01` and `p01-mp01.corp.example` meet. */
class HostIndex {
  readonly drafts: Draft[] = [];
  private readonly byFqdn = new Map<string, Draft>();
  private readonly byShort = new Map<string, Draft>();

  find(server: string): Draft | undefined {
    const lower = server.toLowerCase();
    const dotted = lower.includes('.');
    const exact = dotted ? this.byFqdn.get(lower) : undefined;
    if (exact) return exact;
    const candidate = this.byShort.get(lower.split('.')[0] ?? lower);
    // Two FQDNs that differ are two servers, even with one short name (two domains).
    if (!candidate || (dotted && candidate.fqdn !== undefined)) return undefined;
    return candidate;
  }

  /** The host of `server` (a name or FQDN), made when new; an FQDN learnt later is kept. */
  get(server: string): Draft {
    const found = this.find(server);
    const dotted = server.includes('.');
    if (found) {
      if (dotted && found.fqdn === undefined) {
        found.fqdn = server;
        this.byFqdn.set(server.toLowerCase(), found);
      }
      return found;
    }
    const draft: Draft = {
      id: `h${this.drafts.length + 1}`,
      name: server.split('.')[0] ?? server,
      roles: [],
      options: {},
      ...(dotted ? { fqdn: server } : {}),
    };
    this.drafts.push(draft);
    if (dotted) this.byFqdn.set(server.toLowerCase(), draft);
    const short = draft.name.toLowerCase();
    if (!this.byShort.has(short)) this.byShort.set(short, draft);
    return draft;
  }
}

function addRoles(draft: Draft, roles: readonly RoleId[]): void {
  for (const role of roles) if (!draft.roles.includes(role)) draft.roles.push(role);
}

/** Boundary groups by name (as people read it), their boundaries and site systems gathered. */
function gatherGroups(records: ImportRecords): BoundaryGroupRecord[] {
  const typed = new Map(records.boundaries.map((b) => [b.value.trim().toLowerCase(), b.type]));
  const byName = new Map<string, BoundaryGroupRecord>();
  for (const group of records.groups) {
    const key = comparableName(group.name);
    const boundaries = group.boundaries.map(
      (b): Boundary => ({ ...b, type: typed.get(b.value.trim().toLowerCase()) ?? b.type }),
    );
    const known = byName.get(key);
    if (!known) {
      byName.set(key, { ...group, boundaries });
      continue;
    }
    const values = new Set(known.boundaries.map((b) => b.value.toLowerCase()));
    byName.set(key, {
      ...known,
      ...(known.site || !group.site ? {} : { site: group.site }),
      boundaries: [...known.boundaries, ...boundaries.filter((b) => !values.has(b.value.toLowerCase()))],
      siteSystems: [...new Set([...known.siteSystems, ...group.siteSystems])],
    });
  }
  return [...byName.values()];
}

/** A client group's notes: its boundaries, which the document has no field for. */
function groupNotes(group: BoundaryGroupRecord): string {
  const list = group.boundaries.map((b) => `${BOUNDARY_WORDS[b.type]} ${b.value}`);
  return `Boundary group ${group.name}${list.length > 0 ? `: ${list.join(', ')}` : ' (no boundaries)'}`;
}

/** The one boundary that fits the host's address field: a subnet written with its prefix length. */
function groupAddress(group: BoundaryGroupRecord): string | undefined {
  return group.boundaries.find(
    (b) => (b.type === 'ip-subnet' || b.type === 'ipv6-prefix') && b.value.includes('/') && !checkIp(b.value),
  )?.value;
}

/**
 * Merges records into hosts. Servers meet by FQDN (case-insensitive), or by short name where one
 * side has no FQDN; their roles are collected. `Get-CMSite` sets each site server's site type and
 * parent; each boundary group becomes one client group host with its boundaries in its notes
 * (a zone holds no address ranges) and links to the site systems it lists.
 *
 * @param records - what the files held
 * @returns hosts, zones, the client-group links and what could not be placed
 * @example
 * mergeRecords(records).hosts.find((h) => h.fqdn === 'P01-MP01.corp.example')?.roles; // ['management-point']
 */
export function mergeRecords(records: ImportRecords): Merged {
  const index = new HostIndex();
  const unmapped: UnmappedRow[] = [];
  const zones: Zone[] = [];
  const zoneByName = new Map<string, string>();
  for (const row of records.hosts) {
    const draft = index.get(row.fqdn ?? row.name ?? '');
    if (row.name) draft.name = row.name;
    addRoles(draft, row.roles);
    if (row.ip && !draft.ip) draft.ip = row.ip;
    if (row.site && !draft.site) draft.site = row.site;
    if (row.notes) draft.notes = draft.notes ? `${draft.notes}\n${row.notes}` : row.notes;
    if (row.zone) {
      const key = comparableName(row.zone);
      let id = zoneByName.get(key);
      if (!id) {
        id = `z${zones.length + 1}`;
        zoneByName.set(key, id);
        zones.push({ id, name: row.zone });
      }
      draft.zone = id;
    }
  }
  for (const row of records.siteRoles) {
    const draft = index.get(row.server);
    addRoles(draft, row.roles);
    if (row.site && !draft.site) draft.site = row.site;
  }
  for (const site of records.sites) {
    const server = site.server
      ? index.get(site.server)
      : index.drafts.find((d) => d.site === site.code && d.roles.includes('site-server'));
    if (!server) continue;
    addRoles(server, ['site-server']);
    server.site = site.code;
    server.options = {
      ...server.options,
      siteType: site.type,
      ...(site.parent ? { parentSite: site.parent } : {}),
    };
  }
  const groupLinks: [string, string][] = [];
  const names = new Set(index.drafts.map((d) => comparableName(d.name)));
  for (const group of gatherGroups(records)) {
    const systems: Draft[] = [];
    for (const server of group.siteSystems) {
      const host = index.find(server);
      if (host) systems.push(host);
      else
        unmapped.push({
          file: group.file,
          line: group.line,
          value: server,
          reason: 'unknown-site-system',
          message: message('import:unmapped.siteSystem', { server, group: group.name }),
        });
    }
    const name = freeName(group.name, names);
    names.add(comparableName(name));
    const address = groupAddress(group);
    const site = group.site ?? systems.find((s) => s.site)?.site;
    const client: Draft = {
      id: `h${index.drafts.length + 1}`,
      name,
      roles: ['client'],
      options: {},
      notes: groupNotes(group),
      ...(address ? { ip: address } : {}),
      ...(site ? { site } : {}),
    };
    index.drafts.push(client);
    for (const system of systems) {
      if (system.roles.some((r) => GROUP_SERVICE_ROLES.includes(r))) groupLinks.push([client.id, system.id]);
    }
  }
  return { hosts: index.drafts.map((d) => ({ ...d })), zones, groupLinks, unmapped };
}
