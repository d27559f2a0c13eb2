import baseEdition from '@data/catalogue/editions/2018-de.json';
import type * as z from 'zod/mini';
import {
  type CatalogueFiles,
  editionInfoSchema,
  notesFileSchema,
  rolesFileSchema,
  rulesFileSchema,
  servicesFileSchema,
  settingsFileSchema,
  supplementaryFileSchema,
} from './catalogue-schema';
import type { Catalogue, Rule } from './catalogue-types';
import { ANY_ROLE } from './catalogue-types';

/** Thrown when data/catalogue does not pass its schema or refers to something it does not define. */
export class CatalogueError extends Error {
  override name = 'CatalogueError';
}

/**
 * Parses one catalogue file against its schema.
 *
 * @param schema - The file's zod schema.
 * @param value - The file's parsed JSON.
 * @param file - The file name, for the error message.
 * @returns The validated content.
 * @throws CatalogueError naming the file and the path of the first problem.
 * @example
 * parseFile(notesFileSchema, notes, 'notes.json').notes.length; // 6
 */
export function parseFile<T>(schema: z.ZodMiniType<T>, value: unknown, file: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first ? first.path.join('.') : '';
    throw new CatalogueError(`${file}: ${where ? `${where}: ` : ''}${first?.message ?? 'invalid'}`);
  }
  return result.data;
}

function isRange(port: number | string): port is string {
  return typeof port === 'string' && /^\d+-\d+$/.test(port);
}

/**
 * Validates the catalogue files and cross-checks them: every rule's roles, service, notes,
 * setting and section exist, no rule names a retired role, rule ids are unique, ranges are
 * ordered. Builds the lookups once.
 *
 * @param files - The parsed JSON of one edition (data/catalogue, with an edition's overlay applied).
 *   Without `edition` the files are the base edition, `2018-de`.
 * @returns The validated catalogue.
 * @throws CatalogueError naming the file and the first problem.
 * @example
 * const catalogue = buildCatalogue({ roles, rules, services, notes, settings, supplementary });
 * catalogue.sectionByAnchor.get('BKMK_PortsClient-MP')?.to; // 'management-point'
 */
export function buildCatalogue(files: CatalogueFiles): Catalogue {
  const edition = parseFile(editionInfoSchema, files.edition ?? baseEdition, 'edition');
  const roles = parseFile(rolesFileSchema, files.roles, 'roles.json');
  const rules = parseFile(rulesFileSchema, files.rules, 'rules.json');
  const services = parseFile(servicesFileSchema, files.services, 'services.json');
  const notes = parseFile(notesFileSchema, files.notes, 'notes.json');
  const settings = parseFile(settingsFileSchema, files.settings, 'settings.json');
  const supplementary = parseFile(supplementaryFileSchema, files.supplementary, 'supplementary.json');

  const roleById = new Map(roles.roles.map((r) => [r.id, r]));
  const serviceById = new Map(services.services.map((s) => [s.id, s]));
  const noteByNumber = new Map(notes.notes.map((n) => [n.number, n]));
  const sectionByAnchor = new Map(rules.sections.map((s) => [s.anchor, s]));
  const groupIds = new Set(roles.groups.map((g) => g.id));
  const settingKeys = new Set([...settings.ports.map((p) => p.key), ...settings.ranges.map((r) => r.key)]);
  const listIds = new Set(supplementary.lists.map((l) => l.id));

  if (roleById.size !== roles.roles.length) throw new CatalogueError('roles.json: duplicate role id');
  for (const role of roles.roles) {
    if (!groupIds.has(role.group))
      throw new CatalogueError(`roles.json: ${role.id}: unknown group ${role.group}`);
  }
  const optionIds = new Set(roles.options.map((o) => o.id));
  for (const port of settings.ports) {
    if (port.hostOption !== undefined && !optionIds.has(port.hostOption)) {
      throw new CatalogueError(`settings.json: ${port.key}: unknown host option ${port.hostOption}`);
    }
  }
  for (const retired of rules.retiredSections ?? []) {
    if (sectionByAnchor.has(retired.anchor))
      throw new CatalogueError(`rules.json: ${retired.anchor}: both in force and retired`);
  }
  const seen = new Set<string>();
  const check = (rule: Rule, file: string, allowAny: boolean) => {
    const where = `${file}: ${rule.id}`;
    if (seen.has(rule.id)) throw new CatalogueError(`${where}: duplicate rule id`);
    seen.add(rule.id);
    if (!roleById.has(rule.from) && !(allowAny && rule.from === ANY_ROLE)) {
      throw new CatalogueError(`${where}: unknown role ${rule.from}`);
    }
    if (!roleById.has(rule.to)) throw new CatalogueError(`${where}: unknown role ${rule.to}`);
    // A retired role stays known (hosts may hold it) but must not derive flows.
    for (const role of [rule.from, rule.to]) {
      if (roleById.get(role)?.retired) throw new CatalogueError(`${where}: role ${role} is retired`);
    }
    if (!serviceById.has(rule.service)) throw new CatalogueError(`${where}: unknown service ${rule.service}`);
    for (const n of rule.notes) {
      if (!noteByNumber.has(n)) throw new CatalogueError(`${where}: unknown note ${n}`);
    }
    if (rule.setting !== undefined && !settingKeys.has(rule.setting)) {
      throw new CatalogueError(`${where}: unknown setting ${rule.setting}`);
    }
    if (rule.port === 'dynamic' && rule.setting !== 'rpcDynamic') {
      throw new CatalogueError(`${where}: a dynamic port must name the rpcDynamic setting`);
    }
    if (isRange(rule.port)) {
      const [lo, hi] = rule.port.split('-').map(Number);
      if (lo === undefined || hi === undefined || lo < 1 || hi > 65535 || lo > hi) {
        throw new CatalogueError(`${where}: bad range ${rule.port}`);
      }
    }
  };
  for (const rule of rules.rules) {
    check(rule, 'rules.json', false);
    if (!sectionByAnchor.has(rule.section))
      throw new CatalogueError(`rules.json: ${rule.id}: unknown section`);
  }
  for (const rule of supplementary.rules) {
    check(rule, 'supplementary.json', true);
    if (!listIds.has(rule.list)) throw new CatalogueError(`supplementary.json: ${rule.id}: unknown list`);
  }

  return {
    source: rules.source,
    edition,
    retiredSections: rules.retiredSections ?? [],
    roles: roles.roles,
    roleGroups: roles.groups,
    roleOptions: roles.options,
    services: services.services,
    notes: notes.notes,
    sections: rules.sections,
    rules: rules.rules,
    supplementaryRules: supplementary.rules,
    supplementaryLists: supplementary.lists,
    portSettings: settings.ports,
    rangeSettings: settings.ranges,
    flagSettings: settings.flags,
    roleById,
    serviceById,
    noteByNumber,
    sectionByAnchor,
  };
}
