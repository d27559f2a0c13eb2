import type { Catalogue, RoleOptionDef } from './catalogue-types';
import type { Host } from './document';
import { SITE_SERVER } from './engine/host-reads';

/**
 * True when a catalogue role option applies to one of the host's roles. `site-systems` options
 * (note 5) belong to every site system role but the site server, the role the engine treats as the
 * other end of note 5.
 *
 * @param option - A role option of the catalogue.
 * @param host - The host whose roles are read.
 * @param catalogue - The catalogue in use (for the roles' kinds).
 * @returns Whether the inspector shows the option for this host.
 * @example
 * optionApplies(pxeOption, { ...host, roles: ['distribution-point'] }, catalogue); // true
 */
export function optionApplies(option: RoleOptionDef, host: Host, catalogue: Catalogue): boolean {
  if (option.appliesTo === 'site-systems') {
    return host.roles.some((r) => r !== SITE_SERVER && catalogue.roleById.get(r)?.kind === 'site-system');
  }
  return host.roles.some((r) => (option.appliesTo as readonly string[]).includes(r));
}
