import type * as z from 'zod/mini';
import { CatalogueError, parseFile } from './catalogue';
import {
  type CatalogueFiles,
  editionInfoSchema,
  notesFileSchema,
  rolesFileSchema,
  rulesFileSchema,
  settingsFileSchema,
  supplementaryFileSchema,
} from './catalogue-schema';
import type { EditionInfo, RetiredSection } from './catalogue-types';
import {
  type EditionOverlay,
  type OverlayCatalogue,
  type OverlayRoles,
  type OverlaySections,
  overlayCatalogueSchema,
  overlayRolesSchema,
  overlaySectionsSchema,
} from './edition-schema';

type RulesFile = z.infer<typeof rulesFileSchema>;
type RuleEntry = RulesFile['rules'][number];
type SectionEntry = RulesFile['sections'][number];
type RolesFile = z.infer<typeof rolesFileSchema>;
type SupplementaryFile = z.infer<typeof supplementaryFileSchema>;

const LOCALE: Readonly<Record<EditionInfo['language'], string>> = { de: 'de-DE', en: 'en-US' };

function fail(file: string, message: string): never {
  throw new CatalogueError(`editions/${file}: ${message}`);
}

/** The sections and rules of the edition, in the order of its page, and the sections it retired. */
function applySections(base: RulesFile, overlay: OverlaySections, edition: EditionInfo): RulesFile {
  const baseSection = new Map(base.sections.map((s) => [s.anchor, s]));
  const baseRule = new Map(base.rules.map((r) => [r.id, r]));
  const retiring = new Set(overlay.retire.map((r) => r.anchor));
  const sections: SectionEntry[] = [];
  const rules: RuleEntry[] = [];
  for (const entry of overlay.sections) {
    const where = `sections.json: ${entry.anchor}`;
    const was = baseSection.get(entry.anchor);
    if (retiring.has(entry.anchor)) fail(where, 'both kept and retired');
    if (sections.some((s) => s.anchor === entry.anchor)) fail(where, 'listed twice');
    if (was && (entry.from !== undefined || entry.to !== undefined || entry.bidirectional !== undefined)) {
      fail(where, 'a base section keeps its roles and direction');
    }
    const from = entry.from ?? was?.from;
    const to = entry.to ?? was?.to;
    const bidirectional = entry.bidirectional ?? was?.bidirectional;
    if (from === undefined || to === undefined || bidirectional === undefined) {
      fail(where, 'a new section needs from, to and bidirectional');
    }
    sections.push({
      anchor: entry.anchor,
      from,
      to,
      bidirectional,
      heading: entry.heading,
      ...(was?.headingDe !== undefined ? { headingDe: was.headingDe } : {}),
    });
    const rows =
      entry.rows ?? (was ? base.rules.filter((r) => r.section === entry.anchor).map((r) => r.id) : []);
    if (rows.length === 0) fail(where, 'a section needs rows');
    for (const row of rows) {
      if (typeof row === 'string') {
        const rule = baseRule.get(row);
        if (!rule || rule.section !== entry.anchor) fail(where, `no base rule ${row} in this section`);
        rules.push(rule);
      } else {
        const { id, ...rest } = row;
        const ruleId = id ?? `${entry.anchor}/${row.protocol}/${row.port}`;
        rules.push({ id: ruleId, section: entry.anchor, from, to, bidirectional, ...rest });
      }
    }
  }
  const retiredSections: RetiredSection[] = overlay.retire.map((r) => {
    const was = baseSection.get(r.anchor) ?? fail(`sections.json: ${r.anchor}`, 'retires an unknown section');
    return { anchor: r.anchor, from: was.from, to: was.to, release: r.release, reason: r.reason };
  });
  for (const s of base.sections) {
    if (!retiring.has(s.anchor) && !sections.some((t) => t.anchor === s.anchor)) {
      fail(`sections.json: ${s.anchor}`, 'a base section must be kept or retired');
    }
  }
  const source = { ...base.source, edition: LOCALE[edition.language], date: edition.date, url: edition.url };
  return { source, sections, rules, retiredSections };
}

function applyRoles(base: RolesFile, overlay: OverlayRoles): RolesFile {
  const known = new Set([...base.roles, ...overlay.add].map((r) => r.id));
  const check = (roleId: string, what: string) => {
    if (!known.has(roleId)) fail('roles.json', `${what} names an unknown role ${roleId}`);
  };
  for (const c of overlay.change) check(c.id, 'change');
  for (const r of overlay.retire) check(r.id, 'retire');
  for (const roleId of Object.keys(overlay.namesEn)) check(roleId, 'namesEn');
  const roles = [...base.roles, ...overlay.add].map((role) => {
    const change = overlay.change.find((c) => c.id === role.id);
    const retired = overlay.retire.find((r) => r.id === role.id);
    const namesEn = overlay.namesEn[role.id];
    return {
      ...role,
      ...change,
      ...(namesEn ? { namesEn } : {}),
      ...(retired ? { retired: { release: retired.release, reason: retired.reason } } : {}),
    };
  });
  for (const option of overlay.options) {
    if (base.options.some((o) => o.id === option.id))
      fail('roles.json', `option ${option.id} exists already`);
  }
  return { ...base, roles, options: [...base.options, ...overlay.options] };
}

function applySupplementary(base: SupplementaryFile, overlay: OverlayCatalogue['supplementary']) {
  const lists = base.lists.map((l) => ({ ...l, section: overlay.anchors[l.id] ?? l.section }));
  const sectionOf = new Map(lists.map((l) => [l.id, l.section]));
  const renamed = base.rules.map((rule) => {
    const section = sectionOf.get(rule.list) ?? rule.section;
    const id = rule.id.startsWith(`${rule.section}/`)
      ? `${section}${rule.id.slice(rule.section.length)}`
      : rule.id;
    return { base: rule.id, rule: { ...rule, id, section } };
  });
  for (const { after, id, ...added } of overlay.rules) {
    const section =
      sectionOf.get(added.list) ?? fail('catalogue.json', `unknown supplementary list ${added.list}`);
    const rule = { ...added, id: id ?? `${section}/${added.protocol}/${added.port}`, section };
    const anchorAt = after
      ? renamed.findIndex((r) => r.base === after)
      : renamed.findLastIndex((r) => r.rule.list === added.list);
    if (after && anchorAt < 0) fail('catalogue.json', `no supplementary rule ${after}`);
    renamed.splice(anchorAt + 1, 0, { base: rule.id, rule });
  }
  return { lists, rules: renamed.map((r) => r.rule) };
}

function applyCatalogue(files: CatalogueFiles, overlay: OverlayCatalogue): Partial<CatalogueFiles> {
  const notes = parseFile(notesFileSchema, files.notes, 'notes.json');
  const settings = parseFile(settingsFileSchema, files.settings, 'settings.json');
  const supplementary = parseFile(supplementaryFileSchema, files.supplementary, 'supplementary.json');
  for (const n of overlay.notes) {
    if (!notes.notes.some((m) => m.number === n.number)) fail('catalogue.json', `unknown note ${n.number}`);
  }
  for (const key of [...overlay.settings.retire, ...overlay.settings.change.map((c) => c.key)]) {
    if (!settings.ports.some((p) => p.key === key)) fail('catalogue.json', `unknown port setting ${key}`);
  }
  const ports = settings.ports
    .filter((p) => !overlay.settings.retire.includes(p.key))
    .map((p) => ({ ...p, ...overlay.settings.change.find((c) => c.key === p.key) }));
  return {
    notes: { notes: notes.notes.map((n) => overlay.notes.find((m) => m.number === n.number) ?? n) },
    settings: { ...settings, ports: [...ports, ...overlay.settings.ports] },
    supplementary: applySupplementary(supplementary, overlay.supplementary),
  };
}

/**
 * Applies an edition's overlay to the base files (data/catalogue, the `2018-de` edition): the
 * sections in the order of the edition's page, with shared rows by id and new rows inline; added,
 * changed and retired roles; reworded notes; added, changed and retired settings; renamed
 * supplementary anchors and added supplementary rows. The result still has to pass buildCatalogue.
 *
 * @param base - The base catalogue files, as parsed JSON.
 * @param edition - The edition's metadata (editions/<id>.json or editions/<id>/edition.json).
 * @param overlay - The edition's overlay files; none for the base edition.
 * @returns Catalogue files of the edition, with its metadata, ready for buildCatalogue.
 * @throws CatalogueError when the overlay names something the base lacks or leaves a base section unplaced.
 * @example
 * const files = applyEdition(baseFiles, currentEdition, { sections, roles, catalogue });
 * buildCatalogue(files).edition.id; // 'current'
 */
export function applyEdition(
  base: CatalogueFiles,
  edition: unknown,
  overlay: { readonly sections?: unknown; readonly roles?: unknown; readonly catalogue?: unknown },
): CatalogueFiles {
  const info = parseFile(editionInfoSchema, edition, 'edition.json');
  const parts: EditionOverlay = {
    ...(overlay.sections !== undefined
      ? { sections: parseFile(overlaySectionsSchema, overlay.sections, 'sections.json') }
      : {}),
    ...(overlay.roles !== undefined
      ? { roles: parseFile(overlayRolesSchema, overlay.roles, 'roles.json') }
      : {}),
    ...(overlay.catalogue !== undefined
      ? { catalogue: parseFile(overlayCatalogueSchema, overlay.catalogue, 'catalogue.json') }
      : {}),
  };
  const rules = parts.sections
    ? applySections(parseFile(rulesFileSchema, base.rules, 'rules.json'), parts.sections, info)
    : base.rules;
  const roles = parts.roles
    ? applyRoles(parseFile(rolesFileSchema, base.roles, 'roles.json'), parts.roles)
    : base.roles;
  const rest = parts.catalogue ? applyCatalogue(base, parts.catalogue) : {};
  return { ...base, ...rest, edition: info, rules, roles };
}
