import type { RoleId } from '../catalogue-types';
import type { Host } from '../document';
import { listParam, type MessageParam, message } from '../message';
import { type CheckContext, holdsAny, ROLE } from './context';
import type { Finding } from './finding';
import { linkOrAdd } from './new-hosts';
import { semicolons } from './wording';

/**
 * True when the host holds one of `roles` or is linked to a host that does.
 *
 * @param ctx - The run's context.
 * @param host - The host asking.
 * @param roles - Role ids, any of which will do.
 * @returns Whether the host has one of the roles itself or across one link.
 * @example
 * reaches(ctx, client, ['management-point']); // true when a MP is linked to the client
 */
export function reaches(ctx: CheckContext, host: Host, roles: readonly RoleId[]): boolean {
  return holdsAny(host, roles) || ctx.hasNeighbourHolding(host, roles);
}

/** Client groups that reach no management point, or no distribution point. */
const NEEDS = [
  {
    check: 'client-management-point-missing',
    role: ROLE.managementPoint,
    accepts: [ROLE.managementPoint],
    site: 'checks:clientManagementPointMissing.site',
    noSite: 'checks:clientManagementPointMissing.noSite',
  },
  {
    check: 'client-distribution-point-missing',
    role: ROLE.distributionPoint,
    accepts: [ROLE.distributionPoint, ROLE.cloudDistributionPoint],
    site: 'checks:clientDistributionPointMissing.site',
    noSite: 'checks:clientDistributionPointMissing.noSite',
  },
] as const;

function clientServices(ctx: CheckContext, host: Host, findings: Finding[]): void {
  if (!host.roles.includes(ROLE.client)) return;
  for (let i = 0; i < NEEDS.length; i += 1) {
    const need = NEEDS[i] as (typeof NEEDS)[number];
    if (reaches(ctx, host, need.accepts)) continue;
    const site = ctx.siteOf(host);
    const { hosts, ghost, fix } = linkOrAdd(ctx, host, need.role, ctx.siteHostWith(host, need.role));
    findings.push({
      id: `${need.check}:${host.id}`,
      check: need.check,
      severity: 'error',
      message: site
        ? message(need.site, { host: ctx.name(host.id), site })
        : message(need.noSite, { host: ctx.name(host.id) }),
      hosts,
      links: [],
      sections: ctx.sectionsBetween(ROLE.client, need.role),
      ghost,
      fix,
    });
  }
}

const UPSTREAM: readonly RoleId[] = [ROLE.wsusUpstream, ROLE.internet];
const CLIENT: readonly RoleId[] = [ROLE.client];

/** A software update point that clients scan against needs an upstream: a WSUS server or the internet. */
function updatePointUpstream(ctx: CheckContext, host: Host, findings: Finding[]): void {
  if (!host.roles.includes(ROLE.updatePoint)) return;
  const servesClients = ctx.hasNeighbourHolding(host, CLIENT);
  if (!servesClients || reaches(ctx, host, UPSTREAM)) return;
  findings.push(upstreamMissing(ctx, host));
}

/**
 * The finding of a software update point without an upstream (made apart from the test: a
 * closure in a check would make a scope for every host checked).
 */
function upstreamMissing(ctx: CheckContext, host: Host): Finding {
  const upstream = UPSTREAM;
  const peer = ctx.hostsWith(ROLE.wsusUpstream)[0] ?? ctx.hostsWith(ROLE.internet)[0];
  const { hosts, ghost, fix } = linkOrAdd(ctx, host, ROLE.internet, peer);
  return {
    id: `update-point-upstream-missing:${host.id}`,
    check: 'update-point-upstream-missing',
    severity: 'warning',
    message: message('checks:updatePointUpstreamMissing', { host: ctx.name(host.id) }),
    hosts,
    links: [],
    sections: upstream.flatMap((r) => ctx.sectionsBetween(ROLE.updatePoint, r)),
    ghost,
    fix,
  };
}

/** The ports a PXE boot needs, from the catalogue's `dp-pxe` rules: "UDP 67, 68, 69 and 4011". */
function pxePorts(ctx: CheckContext): MessageParam {
  const rules = ctx.catalogue.rules.filter((r) => r.condition === 'dp-pxe');
  const protocols = [...new Set(rules.map((r) => r.protocol))];
  return semicolons(
    protocols.map((protocol) => {
      // Ports are strings: a port number is never written with a thousands separator.
      const ports = rules.filter((r) => r.protocol === protocol).map((r) => String(r.port));
      return { message: message('checks:list.protocolPorts', { protocol, ports: listParam(ports) }) };
    }),
  );
}

/** A PXE-enabled distribution point linked to no client group: PXE boot requests cannot reach it. */
function pxeReach(ctx: CheckContext, host: Host, findings: Finding[]): void {
  if (!host.roles.includes(ROLE.distributionPoint)) return;
  if (host.options.pxe !== true || reaches(ctx, host, CLIENT)) return;
  findings.push(pxeUnreachable(ctx, host));
}

/** The finding of a PXE point no client reaches (made apart from the test, as `upstreamMissing`). */
function pxeUnreachable(ctx: CheckContext, host: Host): Finding {
  const ports = ctx.once('pxePorts', () => pxePorts(ctx));
  const name = ctx.name(host.id);
  const client = ctx.siteHostWith(host, ROLE.client);
  const base = {
    id: `pxe-point-unreachable:${host.id}`,
    check: 'pxe-point-unreachable',
    severity: 'warning',
    message: message('checks:pxePointUnreachable', { host: name, ports }),
    links: [],
    sections: ctx.once('pxeSections', () => [
      ...new Set(ctx.catalogue.rules.filter((r) => r.condition === 'dp-pxe').map((r) => r.section)),
    ]),
  } as const;
  return client
    ? {
        ...base,
        hosts: [host.id, client.id],
        ghost: { source: client.id, target: host.id },
        fix: {
          kind: 'add-link',
          source: client.id,
          target: host.id,
          label: message('checks:fix.link', { from: ctx.name(client.id), to: name }),
        },
      }
    : {
        ...base,
        hosts: [host.id],
        ghost: { source: host.id, missingRole: ROLE.client },
      };
}

/**
 * A console with no SMS provider. The fix links an existing provider; else adds the provider role
 * to a site server the console is linked to (where it usually runs); else adds a provider host.
 */
function consoleProvider(ctx: CheckContext, host: Host, findings: Finding[]): void {
  if (!host.roles.includes(ROLE.console)) return;
  if (reaches(ctx, host, [ROLE.provider])) return;
  const providers = ctx.hostsWith(ROLE.provider);
  const name = ctx.name(host.id);
  const base = {
    id: `console-provider-missing:${host.id}`,
    check: 'console-provider-missing',
    severity: 'error',
    message: message('checks:consoleProviderMissing', { host: name }),
    links: [],
    sections: ctx.sectionsBetween(ROLE.console, ROLE.provider),
  } as const;
  const server = ctx.neighbours(host).find((h) => h.roles.includes(ROLE.siteServer));
  if (providers.length === 0 && server) {
    findings.push({
      ...base,
      hosts: [host.id, server.id],
      ghost: { source: host.id, target: server.id },
      fix: {
        kind: 'add-role',
        host: server.id,
        role: ROLE.provider,
        label: message('checks:fix.addRole', { role: ctx.role(ROLE.provider), host: ctx.name(server.id) }),
      },
    });
    return;
  }
  const { hosts, ghost, fix } = linkOrAdd(ctx, host, ROLE.provider, providers[0]);
  findings.push({ ...base, hosts, ghost, fix });
}

/**
 * What clients and consoles need, checked on one host: MP, DP, a SUP with an upstream, a reachable
 * PXE DP, an SMS provider.
 *
 * @param ctx - The run's context (document, catalogue, derivation and lookups).
 * @param host - The host checked.
 * @param findings - Where its findings go (unsorted; `runChecks` sorts them).
 * @example
 * clientChecks(ctx, clients, findings); // e.g. a client without a MP
 */
export function clientChecks(ctx: CheckContext, host: Host, findings: Finding[]): void {
  clientServices(ctx, host, findings);
  updatePointUpstream(ctx, host, findings);
  pxeReach(ctx, host, findings);
  consoleProvider(ctx, host, findings);
}
