import type { RoleId } from '../catalogue-types';
import type { Host } from '../document';
import { blockedFlowChecks } from './blocked-flows';
import type { CheckContext } from './context';
import type { Finding } from './finding';
import { hierarchyChecks } from './hierarchy';
import { sameRoles } from './host-edits';
import { hygieneEstateChecks } from './hygiene';
import { noteChecks } from './notes';
import { holdsAny, ROLE } from './roles';
import { siteCode } from './site-code';
import { siteEstateChecks } from './site-systems';

/** What an edit changed, as the estate-wide checks read it (see `EstateFamily.reads`). */
export interface EstateEdit {
  /** The old and the new version of every host the edit replaced, added or removed. */
  readonly hosts: readonly Host[];
  /** The hosts at the ends of the links the edit added or removed, as they are now. */
  readonly linkEnds: readonly Host[];
  /** A host came or went, or its site code changed. */
  readonly sites: boolean;
  /** A host came or went, or its roles changed. */
  readonly roles: boolean;
  /** A host came or went, or its name or address changed. */
  readonly names: boolean;
  /**
   * Which of these objects changed: the settings, the test results, the flows, the empty links,
   * and the link notes (with the PXE points of note 4).
   */
  readonly settings: boolean;
  readonly results: boolean;
  readonly flows: boolean;
  readonly emptyLinks: boolean;
  readonly notes: boolean;
}

/**
 * One family of estate-wide checks and what it reads of an edit. An edit for which `reads` is
 * false, and which replaced no host or link a finding of the family names, leaves the family's
 * findings as they were: the incremental checker keeps them without a run. The property test of
 * the checker compares that with a run from scratch after every random edit.
 */
export interface EstateFamily {
  readonly check: (ctx: CheckContext) => Finding[];
  readonly reads: (edit: EstateEdit, last: readonly Finding[]) => boolean;
}

const SERVERS_AND_DATABASES: readonly RoleId[] = [ROLE.siteServer, ROLE.sql];
const UPDATE_SERVERS: readonly RoleId[] = [ROLE.updatePoint, ROLE.wsusUpstream];
const holding = (hosts: readonly Host[], roles: readonly RoleId[]) => hosts.some((h) => holdsAny(h, roles));

/** The estate-wide checks in the order `runChecks` runs them. */
export const ESTATE_FAMILIES: readonly EstateFamily[] = [
  // Site servers, the site codes in use and, while a site lacks its server, every site member
  // (a host is one by its roles) and its links: run again on every edit while there is a finding.
  { check: siteEstateChecks, reads: (e, last) => last.length > 0 || e.sites || e.roles },
  // Site servers and site databases, and the links between them.
  {
    check: hierarchyChecks,
    reads: (e) => holding(e.hosts, SERVERS_AND_DATABASES) || holding(e.linkEnds, SERVERS_AND_DATABASES),
  },
  // Empty links (their hosts are named in their findings), and names and addresses two hosts share.
  { check: hygieneEstateChecks, reads: (e) => e.names || e.emptyLinks },
  // Settings, the link notes, the PXE points, update points and upstream WSUS servers.
  { check: noteChecks, reads: (e) => e.settings || e.notes || holding(e.hosts, UPDATE_SERVERS) },
  // Test results against the flows.
  { check: blockedFlowChecks, reads: (e) => e.results || e.flows },
];

/**
 * What an edit changed of hosts, for the gates of the estate-wide checks.
 *
 * @param hosts - The hosts the edit removed and added (a replaced host is in both).
 * @param linkEnds - The hosts at the ends of the links it added or removed, as they are now.
 * @param read - Whether the settings, results, flows, empty links and link notes changed.
 * @returns The edit as `EstateFamily.reads` reads it.
 * @example
 * const read = { settings: false, results: false, flows: true, emptyLinks: false, notes: false };
 * estateEdit(diff(before.hosts, after.hosts), [], read).roles; // true after MP01 got a role
 */
export function estateEdit(
  hosts: { readonly removed: readonly Host[]; readonly added: readonly Host[] },
  linkEnds: readonly Host[],
  read: Pick<EstateEdit, 'settings' | 'results' | 'flows' | 'emptyLinks' | 'notes'>,
): EstateEdit {
  const before = new Map(hosts.removed.map((h) => [h.id, h]));
  const after = new Set(hosts.added.map((h) => h.id));
  let came = hosts.removed.some((h) => !after.has(h.id));
  let sites = false;
  let roles = false;
  let names = false;
  for (const h of hosts.added) {
    const old = before.get(h.id);
    if (!old) came = true;
    else {
      sites ||= siteCode(old.site) !== siteCode(h.site);
      roles ||= !sameRoles(old, h);
      names ||= old.name !== h.name || old.ip !== h.ip;
    }
  }
  return {
    ...read,
    hosts: [...hosts.removed, ...hosts.added],
    linkEnds,
    sites: came || sites,
    roles: came || roles,
    names: came || names,
  };
}
