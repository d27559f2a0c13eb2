/** Links an import infers: from the boundary groups, then from the fixes the hierarchy checks propose. */
import type { Catalogue } from '../catalogue-types';
import { createChecker } from '../checks/checker';
import type { Finding } from '../checks/finding';
import { type Derivation, deriveFlows } from '../derive';
import { type Host, LINK_ID_PREFIX, type TopologyDocument } from '../document';
import { idSeries } from '../edits/ids';
import type { ImportedLink, InferredBy } from './import-types';

/** The checks whose add-link fix an import takes, by the rule they stand for. */
const BY_CHECK: Readonly<Record<string, InferredBy>> = {
  'site-server-link-missing': 'site-server-link-missing',
  'database-link-missing': 'database-link-missing',
  'missing-site-database': 'missing-site-database',
  'client-management-point-missing': 'client-management-point-missing',
  'client-distribution-point-missing': 'client-distribution-point-missing',
  'site-to-site-link-missing': 'site-to-site-link-missing',
  'database-replication-link-missing': 'database-replication-link-missing',
};

/**
 * A fix's place in the hierarchy's rule order. A pair two checks ask for is credited to the rule
 * first in BY_CHECK, whatever order the checks list their findings in (that order follows the
 * words of the findings, which are not the import's business).
 */
const RANK = new Map(Object.keys(BY_CHECK).map((check, i) => [check, i]));
const rank = (finding: Finding) => RANK.get(finding.check) ?? RANK.size;

/** Rounds of checks and fixes: a link added in one round can only raise findings for the next. */
const MAX_ROUNDS = 4;

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * A client group whose boundary group lists no software update point scans against the first
 * one of its site (by name); the checks ask for a MP and a DP only, but clients need all three.
 */
function updatePointPairs(
  hosts: readonly Host[],
  linked: ReadonlySet<string>,
  byId: ReadonlyMap<string, Host>,
) {
  const sups = hosts
    .filter((h) => h.roles.includes('software-update-point'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const pairs: [string, string][] = [];
  const reaches = new Set<string>();
  for (const key of linked) {
    const [a = '', b = ''] = key.split('\u0000');
    if (byId.get(b)?.roles.includes('software-update-point')) reaches.add(a);
    if (byId.get(a)?.roles.includes('software-update-point')) reaches.add(b);
  }
  for (const host of hosts) {
    if (!host.roles.includes('client') || reaches.has(host.id)) continue;
    const sup = sups.find((s) => s.site === host.site) ?? (host.site === undefined ? sups[0] : undefined);
    if (sup) pairs.push([host.id, sup.id]);
  }
  return pairs;
}

/**
 * Infers the links of an imported estate. First the client groups to the site systems their
 * boundary groups list; then, round by round, every add-link fix the hierarchy checks propose (a
 * site system to its site server, a database reader to its SQL Server, clients to a MP and DP of
 * their site, site servers and site databases to their parent's), so the rules live in one place.
 * Each link is marked inferred, with the rule it came from.
 *
 * @param document - the imported hosts, without links
 * @param groupLinks - `[client group, site system]` pairs from the boundary groups
 * @param catalogue - the edition in force
 * @returns the links to make, ids `l1`, `l2`, …
 * @example
 * inferLinks(doc, [['h9', 'h3']], catalogue).map((l) => l.by); // ['boundary-group', 'site-server-link-missing', …]
 */
export function inferLinks(
  document: TopologyDocument,
  groupLinks: readonly (readonly [string, string])[],
  catalogue: Catalogue,
): ImportedLink[] {
  const links: ImportedLink[] = [];
  const newId = idSeries(LINK_ID_PREFIX, []);
  const pairs = new Set<string>();
  const add = (source: string, target: string, by: InferredBy) => {
    const key = pairKey(source, target);
    if (source === target || pairs.has(key)) return false;
    pairs.add(key);
    links.push({ id: newId(), source, target, inferred: true, by });
    return true;
  };
  for (const [source, target] of groupLinks) add(source, target, 'boundary-group');
  const byId = new Map(document.hosts.map((h) => [h.id, h]));
  for (const [source, target] of updatePointPairs(document.hosts, pairs, byId))
    add(source, target, 'client-update-point');
  // The incremental checker and deriver: a round re-checks only the hosts the last round linked.
  const checker = createChecker(catalogue);
  let derivation: Derivation | undefined;
  let findings: readonly Finding[] | undefined;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const current = { ...document, links: [...links] };
    derivation = deriveFlows(current, catalogue, derivation);
    findings = checker.check(current, derivation, findings);
    let added = 0;
    for (const finding of [...findings].sort((x, y) => rank(x) - rank(y))) {
      const fix = finding.fix;
      if (fix?.kind !== 'add-link' || !byId.has(fix.source) || !byId.has(fix.target)) continue;
      if (add(fix.source, fix.target, BY_CHECK[finding.check] ?? 'other-check')) added += 1;
    }
    if (added === 0) break;
  }
  return links;
}
