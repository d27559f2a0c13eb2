import type { z } from 'zod';
import {
  type CatalogueFiles,
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

function parse<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
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
 * setting and section exist, rule ids are unique, ranges are ordered. Builds the lookups once.
 */
export function buildCatalogue(files: CatalogueFiles): Catalogue {
  const roles = parse(rolesFileSchema, files.roles, 'roles.json');
  const rules = parse(rulesFileSchema, files.rules, 'rules.json');
  const services = parse(servicesFileSchema, files.services, 'services.json');
  const notes = parse(notesFileSchema, files.notes, 'notes.json');
  const settings = parse(settingsFileSchema, files.settings, 'settings.json');
  const supplementary = parse(supplementaryFileSchema, files.supplementary, 'supplementary.json');

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
  const seen = new Set<string>();
  const check = (rule: Rule, file: string, allowAny: boolean) => {
    const where = `${file}: ${rule.id}`;
    if (seen.has(rule.id)) throw new CatalogueError(`${where}: duplicate rule id`);
    seen.add(rule.id);
    if (!roleById.has(rule.from) && !(allowAny && rule.from === ANY_ROLE)) {
      throw new CatalogueError(`${where}: unknown role ${rule.from}`);
    }
    if (!roleById.has(rule.to)) throw new CatalogueError(`${where}: unknown role ${rule.to}`);
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
