/** Role names as an estate writes them, to role ids: ConfigMgr's internal names and the catalogue's own. */
import roleTable from '@data/import/configmgr-roles.json';
import type { Catalogue, RoleId } from '../catalogue-types';

/** A role name as compared: lower case, single spaces, no surrounding space. */
function nameKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** One row of data/import/configmgr-roles.json. */
export interface ConfigMgrRoleRow {
  readonly name: string;
  readonly roles: readonly RoleId[];
  readonly note?: string;
}

/** The table as stored (validated by its test against both editions' role ids). */
export const CONFIGMGR_ROLES: readonly ConfigMgrRoleRow[] = roleTable.roles;

/** How a name resolves: to roles (maybe none, for a generic entry) or not at all. */
export type RoleLookup =
  | { readonly known: true; readonly roles: readonly RoleId[] }
  | { readonly known: false };

/** Looks role names up; one per import, built from the catalogue in force. */
export interface RoleNames {
  /** A ConfigMgr internal role name (`SMS Management Point`). */
  configMgr(name: string): RoleLookup;
  /**
   * A role as a planner writes it in a host list: our id, the English or German name, the
   * abbreviation, or a ConfigMgr internal name.
   */
  any(name: string): RoleLookup;
}

/**
 * The role name lookups of one catalogue. Ids the catalogue lacks still resolve (so the caller
 * can say "not in this edition" rather than "unknown").
 *
 * @param catalogue - the catalogue (edition) the import builds for
 * @returns the lookups
 * @example
 * roleNames(catalogue).configMgr('SMS Dmp Connector'); // { known: true, roles: ['service-connection-point'] }
 * roleNames(catalogue).any('Verwaltungspunkt'); // { known: true, roles: ['management-point'] }
 */
export function roleNames(catalogue: Catalogue): RoleNames {
  const internal = new Map(CONFIGMGR_ROLES.map((row) => [nameKey(row.name), row.roles]));
  const planner = new Map<string, readonly RoleId[]>(internal);
  for (const role of catalogue.roles) {
    const names = [role.id, role.name, role.abbr, ...role.namesDe, ...(role.namesEn ?? [])];
    for (const name of names) if (!planner.has(nameKey(name))) planner.set(nameKey(name), [role.id]);
  }
  const lookup = (map: ReadonlyMap<string, readonly RoleId[]>, name: string): RoleLookup => {
    const roles = map.get(nameKey(name));
    return roles ? { known: true, roles } : { known: false };
  };
  return {
    configMgr: (name) => lookup(internal, name),
    any: (name) => lookup(planner, name),
  };
}
