import type { Catalogue, PortSettingDef, RoleOptionDef } from './catalogue-types';
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

/**
 * The site port settings a host option replaces for flows to the host that sets it (the catalogue's
 * `hostOption`), limited to settings some rule to one of the host's roles reads. Non-empty exactly
 * when the option is a port: the inspector shows it as a port field with these settings as the
 * value used when it is empty.
 *
 * @param option - A role option of the catalogue.
 * @param host - The host whose roles are read.
 * @param catalogue - The catalogue in use.
 * @returns The port settings the option overrides for this host, in catalogue order.
 * @example
 * portSettingsReplacedBy(sqlPortOption, sqlHost, current).map((d) => d.key); // ['sqlServer']
 */
export function portSettingsReplacedBy(
  option: RoleOptionDef,
  host: Host,
  catalogue: Catalogue,
): PortSettingDef[] {
  const defs = catalogue.portSettings.filter((d) => d.hostOption === option.id);
  if (defs.length === 0) return [];
  const read = new Set(
    [...catalogue.rules, ...catalogue.supplementaryRules]
      .filter((r) => r.setting !== undefined && host.roles.includes(r.to))
      .map((r) => r.setting),
  );
  const used = defs.filter((d) => read.has(d.key));
  // A port option on a host whose roles read none of its settings still is a port option.
  return used.length > 0 ? used : defs;
}
