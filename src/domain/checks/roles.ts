import type { Catalogue, RoleId } from '../catalogue-types';
import type { Host } from '../document';

/** Role ids the checks name; each exists in data/catalogue/roles.json. */
export const ROLE = {
  siteServer: 'site-server',
  sql: 'sql-server',
  provider: 'sms-provider',
  managementPoint: 'management-point',
  distributionPoint: 'distribution-point',
  cloudDistributionPoint: 'cloud-distribution-point',
  updatePoint: 'software-update-point',
  wsusUpstream: 'wsus-upstream',
  internet: 'internet',
  console: 'console',
  client: 'client',
} as const satisfies Record<string, RoleId>;

/**
 * True when the host holds one of the roles.
 *
 * @param host - A host.
 * @param roles - Role ids, any of which will do.
 * @returns Whether it holds one.
 * @example
 * holdsAny(dp, ['distribution-point', 'cloud-distribution-point']); // true
 */
export function holdsAny(host: Host, roles: readonly RoleId[]): boolean {
  const own = host.roles;
  for (let i = 0; i < own.length; i += 1) if (roles.includes(own[i] as RoleId)) return true;
  return false;
}

/**
 * Anchors of the catalogue sections joining `from` to `to` (either way round for a bidirectional one).
 *
 * @example
 * anchorsBetween(catalogue, 'client', 'management-point'); // the sections' anchors, in catalogue order
 */
export function anchorsBetween(catalogue: Catalogue, from: RoleId, to: RoleId): string[] {
  return catalogue.sections
    .filter((s) => (s.from === from && s.to === to) || (s.bidirectional && s.from === to && s.to === from))
    .map((s) => s.anchor);
}
