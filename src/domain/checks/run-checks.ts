import type { Catalogue } from '../catalogue-types';
import { type Derivation, deriveFlows } from '../derive';
import type { Host, TopologyDocument } from '../document';
import { clientChecks } from './clients';
import { CheckContext } from './context';
import { ESTATE_FAMILIES } from './estate-families';
import { type Finding, sortedByCompare } from './finding';
import { hostIpChecks } from './host-ip';
import { hygieneChecks } from './hygiene';
import { peerChecks } from './peers';
import { retiredRoleChecks } from './retired-roles';
import { siteDatabaseChecks } from './site-database';
import { siteSystemChecks } from './site-systems';

/**
 * The checks of one host: what it lacks across its own links. Each reads the host, its links and
 * the hosts at their other ends, and asks the context estate-wide questions (which the incremental
 * checker records), so an edit runs them again only for the hosts it touched.
 */
const HOST_CHECKS: readonly ((ctx: CheckContext, host: Host, findings: Finding[]) => void)[] = [
  siteDatabaseChecks,
  siteSystemChecks,
  clientChecks,
  peerChecks,
  hygieneChecks,
  retiredRoleChecks,
  hostIpChecks,
];

/**
 * The findings of one host's checks, unsorted. Finding ids name the host, so no two hosts share one.
 *
 * @param ctx - The run's context.
 * @param host - The host checked.
 * @param findings - Where they go (a caller's scratch list); a new list when left out.
 * @returns `findings`, with the host's findings appended in check order.
 * @example
 * hostFindings(ctx, client).map((f) => f.check); // ['client-management-point-missing']
 */
export function hostFindings(ctx: CheckContext, host: Host, findings: Finding[] = []): Finding[] {
  for (const check of HOST_CHECKS) check(ctx, host, findings);
  return findings;
}

/**
 * The findings of the estate-wide checks, unsorted.
 *
 * @param ctx - The run's context.
 * @returns Their findings, in check order.
 * @example
 * estateFindings(ctx).some((f) => f.check === 'duplicate-host-name'); // true for two hosts named alike
 */
export function estateFindings(ctx: CheckContext): Finding[] {
  return ESTATE_FAMILIES.flatMap((family) => family.check(ctx));
}

/**
 * Findings sorted for display, the first of any id kept (ids are unique by construction: a
 * check's id and the hosts, links or site it concerns).
 *
 * @param findings - Findings in check order.
 * @returns A new array, sorted by severity, message and id.
 * @example
 * sortFindings([...estateFindings(ctx), ...hostFindings(ctx, host)]);
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const byId = new Map<string, Finding>();
  for (const finding of findings) if (!byId.has(finding.id)) byId.set(finding.id, finding);
  return sortedByCompare([...byId.values()]);
}

/**
 * Runs every hierarchy check on a topology. Pure and deterministic: the same document gives the
 * same findings with the same ids. For one document edited step by step, `createChecker` gives
 * the same result and re-checks only what an edit touched.
 *
 * @param document - The topology.
 * @param catalogue - The catalogue (edition) in force.
 * @param derivation - The document's flows; pass them when the caller has them, so flows are not
 *   derived twice.
 * @returns Findings sorted by severity (errors first), then message.
 * @example
 * const findings = runChecks(document, catalogue, derivation);
 * countFindings(findings).error; // 0 for a complete hierarchy
 */
export function runChecks(
  document: TopologyDocument,
  catalogue: Catalogue,
  derivation: Derivation = deriveFlows(document, catalogue),
): readonly Finding[] {
  const ctx = new CheckContext(document, catalogue, derivation);
  const findings = estateFindings(ctx);
  for (const host of ctx.hosts) for (const check of HOST_CHECKS) check(ctx, host, findings);
  return sortFindings(findings);
}
