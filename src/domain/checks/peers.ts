import type { Catalogue, RoleId } from '../catalogue-types';
import type { Host } from '../document';
import { listParam, type MessageParam, message } from '../message';
import { type CheckContext, holdsAny, ROLE } from './context';
import type { Finding, Severity } from './finding';
import { linkOrAdd } from './new-hosts';

/**
 * Roles that are useless without a peer of another role. Which peers count comes from the
 * catalogue (every role the role's rules lead to, but the site server and the site database, which
 * other checks cover), so a mobile device is content with an enrollment proxy point or Intune.
 * The severity says how bad it is: an error when the role cannot do its job at all, a warning when
 * the peer is an internet service a drawing often leaves out.
 */
const PEER_NEEDS: readonly { readonly role: RoleId; readonly severity: Severity }[] = [
  { role: 'endpoint-protection-point', severity: 'warning' },
  { role: 'asset-intelligence-sync-point', severity: 'warning' },
  { role: 'service-connection-point', severity: 'warning' },
  { role: 'exchange-connector', severity: 'warning' },
  { role: 'enrollment-proxy-point', severity: 'error' },
  { role: 'policy-module', severity: 'error' },
  { role: 'app-catalog-website-point', severity: 'error' },
  { role: 'mobile-device', severity: 'error' },
  { role: 'mac-client', severity: 'error' },
];

/**
 * The roles a rule from `role` leads to, but itself, the site server and SQL Server.
 *
 * @param catalogue - The catalogue in use.
 * @param role - The role whose peers are wanted.
 * @returns Role ids in catalogue order.
 * @example
 * peerRoles(catalogue, 'client'); // ['management-point', 'distribution-point', …]
 */
export function peerRoles(catalogue: Catalogue, role: RoleId): RoleId[] {
  const peers: RoleId[] = [];
  for (const rule of catalogue.rules) {
    if (rule.from !== role || rule.to === role || rule.to === ROLE.siteServer || rule.to === ROLE.sql)
      continue;
    if (!peers.includes(rule.to)) peers.push(rule.to);
  }
  return peers;
}

function either(ctx: CheckContext, roles: readonly RoleId[]): MessageParam {
  return listParam(
    roles.map((r) => ctx.aRole(r)),
    'or',
  );
}

/** The needs of roles this catalogue knows and that have peers. */
function peerNeeds(ctx: CheckContext) {
  return PEER_NEEDS.filter((need) => ctx.catalogue.roleById.has(need.role))
    .map((need) => ({ ...need, peers: peerRoles(ctx.catalogue, need.role) }))
    .filter((need) => need.peers.length > 0);
}

/**
 * Roles whose peers are missing: no link to a host that holds any of the roles they talk to.
 *
 * @param ctx - The run's context (document, catalogue, derivation and lookups).
 * @param host - The host checked.
 * @param findings - Where its findings go (unsorted; `runChecks` sorts them).
 * @example
 * peerChecks(ctx, mp, findings); // a management point with no client linked to it
 */
export function peerChecks(ctx: CheckContext, host: Host, findings: Finding[]): void {
  const needs = ctx.once('peerNeeds', peerNeeds);
  // No closure in this loop: one that read `need` would make a scope per need and host checked.
  for (let i = 0; i < needs.length; i += 1) {
    const need = needs[i] as PeerNeed;
    if (!host.roles.includes(need.role)) continue;
    if (holdsAny(host, need.peers) || ctx.hasNeighbourHolding(host, need.peers)) continue;
    findings.push(peerMissing(ctx, host, need));
  }
}

type PeerNeed = ReturnType<typeof peerNeeds>[number];

/** The finding of a host whose role has no peer. */
function peerMissing(ctx: CheckContext, host: Host, need: PeerNeed): Finding {
  const peers = need.peers;
  const name = ctx.name(host.id);
  const peer = peers.map((r) => ctx.siteHostWith(host, r)).find((h) => h !== undefined);
  const role = peers[0] as RoleId;
  const base = {
    id: `peer-missing:${host.id}:${need.role}`,
    check: 'peer-missing',
    severity: need.severity,
    message: message('checks:peerMissing', {
      host: name,
      role: ctx.role(need.role),
      peers: either(ctx, peers),
    }),
    links: [],
    sections: peers.flatMap((r) => ctx.sectionsBetween(need.role, r)),
  } as const;
  return { ...base, ...linkOrAdd(ctx, host, role, peer) };
}
