import type { Catalogue } from '../catalogue-types';
import { type Derivation, deriveFlows } from '../derive';
import type { TopologyDocument } from '../document';
import { clientChecks } from './clients';
import { CheckContext } from './context';
import { compareFindings, type Finding } from './finding';
import { hierarchyChecks } from './hierarchy';
import { hygieneChecks } from './hygiene';
import { noteChecks } from './notes';
import { peerChecks } from './peers';
import { retiredRoleChecks } from './retired-roles';
import { siteDatabaseChecks } from './site-database';
import { siteSystemChecks } from './site-systems';

/** The check families, in no particular order: the result is sorted. */
const FAMILIES: readonly ((ctx: CheckContext) => Finding[])[] = [
  siteDatabaseChecks,
  siteSystemChecks,
  clientChecks,
  peerChecks,
  hierarchyChecks,
  hygieneChecks,
  noteChecks,
  retiredRoleChecks,
];

/**
 * Runs every hierarchy check on a topology. Pure and deterministic: the same document gives the
 * same findings with the same ids.
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
  const byId = new Map<string, Finding>();
  for (const family of FAMILIES) {
    for (const finding of family(ctx)) if (!byId.has(finding.id)) byId.set(finding.id, finding);
  }
  return [...byId.values()].sort(compareFindings);
}
