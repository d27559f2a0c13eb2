import type { Host } from '../document';
import { editionTitleParam, message, retiredReasonParam } from '../message';
import type { CheckContext } from './context';
import type { CheckId, Finding } from './finding';

const RETIRED_ROLE: CheckId = 'retired-role';

/**
 * Hosts that hold a role the edition in force retired: the host keeps the role (the diagram stays
 * as drawn), but the role derives no flow, so the planner is told which release removed it. One
 * warning per host and role.
 *
 * @param ctx - The run's context (its catalogue is the edition in force).
 * @param host - The host checked.
 * @param findings - Where its findings go, one per retired role, naming the release and the reason.
 * @example
 * retiredRoleChecks(ctx, acw, findings);
 * // 'ACW holds the Application Catalog website point, which release 1910 removed: …; it derives no flow'
 */
export function retiredRoleChecks(ctx: CheckContext, host: Host, findings: Finding[]): void {
  // Indexed: run for every host, where an iterator's step is an object.
  for (let i = 0; i < host.roles.length; i += 1) {
    const roleId = host.roles[i]!;
    const retired = ctx.catalogue.roleById.get(roleId)?.retired;
    if (!retired) continue;
    findings.push({
      id: `${RETIRED_ROLE}:${host.id}:${roleId}`,
      check: RETIRED_ROLE,
      severity: 'warning',
      // The reason and the edition's title are the catalogue's words: said in the reader's language.
      message: message('checks:retiredRole', {
        host: ctx.name(host.id),
        role: ctx.role(roleId),
        release: retired.release,
        edition: editionTitleParam(),
        reason: retiredReasonParam(roleId),
      }),
      hosts: [host.id],
      links: [],
    });
  }
}
