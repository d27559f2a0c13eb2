import type { Catalogue } from '../catalogue-types';
import type { Host, TopologyDocument } from '../document';
import { message } from '../message';
import type { CheckContext } from './context';
import type { Finding } from './finding';

/**
 * Whether a host lacks the IP a firewall rule needs: it has none, and some role of it is not an
 * outside party (the Internet, a cloud service: their addresses are not ours to give). A host with
 * no role at all has its own finding and no flow.
 *
 * @param host - The host.
 * @param catalogue - Says which roles are outside parties (`kind: 'external'`).
 * @returns True when the workbook's IP cells of the host say "IP missing".
 * @example
 * lacksIp({ roles: ['management-point'] }, catalogue); // true
 * lacksIp({ roles: ['management-point'], ip: '10.1.0.20' }, catalogue); // false
 * lacksIp({ roles: ['internet'] }, catalogue); // false
 */
export function lacksIp(host: Pick<Host, 'ip' | 'roles'>, catalogue: Catalogue): boolean {
  if (host.ip !== undefined && host.ip.trim() !== '') return false;
  return host.roles.some((role) => catalogue.roleById.get(role)?.kind !== 'external');
}

/**
 * Warns about a linked host without an IP: its flows go to the firewall team with "IP missing"
 * where the address belongs. A host on no link is in no flow yet, so it waits. A diagram in which
 * no host has an IP yet is a sketch before addressing: a warning on every host would drown the
 * hierarchy's findings, so the check speaks once addresses are being entered (the export dialog
 * counts hosts without an IP either way, and the workbook's cells say "IP missing").
 *
 * @param ctx - The run's context.
 * @param host - The host checked.
 * @param findings - Where its finding goes (unsorted; `runChecks` sorts them).
 * @example
 * hostIpChecks(ctx, mp, findings); // host-without-ip:mp, once some host has an address
 */
export function hostIpChecks(ctx: CheckContext, host: Host, findings: Finding[]): void {
  if (!lacksIp(host, ctx.catalogue) || !isLinked(ctx, host) || !ctx.anyAddress()) return;
  findings.push({
    id: `host-without-ip:${host.id}`,
    check: 'host-without-ip',
    severity: 'warning',
    message: message('checks:hostWithoutIp', { host: ctx.name(host.id) }),
    hosts: [host.id],
    links: [],
  });
}

function isLinked(ctx: CheckContext, host: Host): boolean {
  return ctx.index.graph.countOf(host.id) > 0;
}

/**
 * The linked hosts that {@link lacksIp}, whether or not the diagram has addresses yet: what the
 * export dialog counts before a file names them "IP missing".
 *
 * @param document - The hosts and links.
 * @param catalogue - The catalogue in force.
 * @returns The hosts, in document order.
 * @example
 * linkedHostsWithoutIp(document, catalogue).length; // 2
 */
export function linkedHostsWithoutIp(
  document: Pick<TopologyDocument, 'hosts' | 'links'>,
  catalogue: Catalogue,
): Host[] {
  const linked = new Set(document.links.flatMap((l) => [l.source, l.target]));
  return document.hosts.filter((h) => linked.has(h.id) && lacksIp(h, catalogue));
}
