import type { Catalogue } from './catalogue-types';
import type { Host } from './document';
import { createDeriver, deriverOf } from './engine/deriver';
import type { Derivation, DerivationInput } from './engine/state';
import { buildRuleIndex, sharesRules } from './rule-index';

export { type FlowBlock, type FlowList, flowListOf, writtenList } from './engine/result';
export type { Derivation, DerivationInput } from './engine/state';

/**
 * Derives every flow a topology needs. For each link, every role pair across it contributes the
 * catalogue's rules: `-->` rules from their initiating side only, `< -- >` rules from both sides
 * (unless note 5 restricts them to the site server). Conditions are honoured, configured ports
 * replace defaults, `dynamic` becomes the configured RPC range, identical flows merge. Roles on the
 * same host talk locally and yield no network flow.
 *
 * Cost grows with links, not with links × catalogue: rules are indexed by role pair once per
 * deriver. The engine keeps no state of its own: pass the previous result for the same catalogue
 * object and its deriver is reused (an edit that replaces a few host objects or appends links then
 * re-derives only the links of those hosts); without it, or for another catalogue, a new deriver
 * derives from scratch. The result is the same either way.
 *
 * @param input - The document's hosts, links and settings (positions are never read).
 * @param catalogue - The catalogue (edition) to derive with.
 * @param previous - The last result for this document, to derive incrementally.
 * @returns Every flow in matrix order (initiator, responder, protocol, port) and the ids of links
 *   that carry no flow.
 * @example
 * const first = deriveFlows(document, catalogue);
 * const next = deriveFlows(edited, catalogue, first); // patches `first`'s derivation
 */
export function deriveFlows(input: DerivationInput, catalogue: Catalogue, previous?: Derivation): Derivation {
  const reused = previous === undefined ? undefined : deriverOf(previous);
  const deriver = reused?.catalogue === catalogue ? reused : createDeriver(catalogue);
  return deriver.derive(input);
}

/**
 * True when some rule joins a role of `a` with a role of `b` in either direction (for refusing
 * empty links). Builds the rule index each call: a deriver's `hostsShareRules` reuses its own.
 *
 * @param a - One host.
 * @param b - The other host.
 * @param catalogue - The catalogue in use.
 * @param lists - Ids of the supplementary lists switched on (`settings.supplementary`).
 * @returns Whether a link between the hosts can carry a flow.
 * @example
 * hostsShareRules(client, mp, catalogue); // true
 * hostsShareRules(client, dc, catalogue, ['windows-server']); // true: Kerberos, LDAP, …
 */
export function hostsShareRules(
  a: Host,
  b: Host,
  catalogue: Catalogue,
  lists: readonly string[] = [],
): boolean {
  return sharesRules(buildRuleIndex(catalogue, lists), a, b, catalogue);
}
