import type { Catalogue, Role, Rule } from '@/domain/catalogue-types';
import { type CatalogueWords, germanCatalogueWords } from './catalogue-words';
import type { Language } from './languages';

/**
 * The catalogue's words in a language: the same ids, rules and ports (facts stay as transcribed),
 * with names and descriptions as that language writes them. Role names come from the catalogue's
 * own German names (the 2018 document's words); every other word from data/catalogue/de. A word
 * the language lacks stays English (tests/i18n/catalogue-de.test.ts finds none). The engine always
 * runs on the original catalogue; this copy is for what people read (palette, inspector, matrix,
 * workbook).
 *
 * @param catalogue - A catalogue as loaded (English words).
 * @param language - The reader's language.
 * @returns The catalogue itself for English; a German copy for German, its lookups built on the copies.
 * @example
 * localizeCatalogue(catalogue, 'de').roleById.get('management-point')?.name; // 'Verwaltungspunkt'
 */
export function localizeCatalogue(catalogue: Catalogue, language: Language): Catalogue {
  if (language === 'en') return catalogue;
  const words = germanCatalogueWords(catalogue.edition.id);
  const roles: Role[] = catalogue.roles.map((role) => {
    const retiredReason = role.retired && words.retiredRoles.get(role.id);
    return {
      ...role,
      name: role.namesDe[0] ?? role.name,
      description: words.roleDescriptions.get(role.id) ?? role.description,
      ...(role.retired && retiredReason ? { retired: { ...role.retired, reason: retiredReason } } : {}),
    };
  });
  const services = catalogue.services.map((s) => ({ ...s, ...words.services.get(s.id) }));
  const notes = catalogue.notes.map((n) => ({ ...n, ...words.notes.get(n.number) }));
  return {
    ...catalogue,
    source: { ...catalogue.source, title: words.documentTitle },
    edition: {
      ...catalogue.edition,
      ...(words.edition.title ? { title: words.edition.title } : {}),
      additions: catalogue.edition.additions.map((a, i) => words.edition.additions[i] ?? a),
    },
    retiredSections: catalogue.retiredSections.map((s) => ({
      ...s,
      reason: words.retiredSections.get(s.anchor) ?? s.reason,
    })),
    roles,
    roleGroups: catalogue.roleGroups.map((g) => ({ ...g, name: words.groups.get(g.id) ?? g.name })),
    roleOptions: localizeOptions(catalogue, words),
    services,
    notes,
    rules: catalogue.rules.map((r) => localizeRule(r, words)),
    supplementaryRules: catalogue.supplementaryRules.map((r) => localizeRule(r, words)),
    supplementaryLists: catalogue.supplementaryLists.map((l) => ({ ...l, ...words.lists.get(l.id) })),
    portSettings: catalogue.portSettings.map((p) => ({ ...p, ...words.ports.get(p.key) })),
    rangeSettings: catalogue.rangeSettings.map((r) => {
      const own = words.ranges.get(r.key);
      return {
        ...r,
        label: own?.label ?? r.label,
        description: own?.description ?? r.description,
        presets: r.presets.map((p) => ({ ...p, label: own?.presets.get(`${p.from}-${p.to}`) ?? p.label })),
      };
    }),
    flagSettings: catalogue.flagSettings.map((f) => ({ ...f, ...words.flags.get(f.key) })),
    roleById: new Map(roles.map((r) => [r.id, r])),
    serviceById: new Map(services.map((s) => [s.id, s])),
    noteByNumber: new Map(notes.map((n) => [n.number, n])),
  };
}

function localizeRule(rule: Rule, words: CatalogueWords): Rule {
  return { ...rule, description: words.rules.get(rule.id) ?? rule.description };
}

function localizeOptions(catalogue: Catalogue, words: CatalogueWords): Catalogue['roleOptions'] {
  return catalogue.roleOptions.map((option) => {
    const own = words.options.get(option.id);
    if (!own) return option;
    return {
      ...option,
      label: own.label,
      ...(option.badge !== undefined ? { badge: own.badge ?? option.badge } : {}),
      ...(option.values
        ? {
            values: option.values.map((v) => {
              const value = own.values.get(v.id);
              return {
                ...v,
                label: value?.label ?? v.label,
                ...(v.badge !== undefined ? { badge: value?.badge ?? v.badge } : {}),
              };
            }),
          }
        : {}),
    };
  });
}

/** Localised catalogues made once per catalogue and language (one per app; the cache is its own). */
export interface CatalogueLanguages {
  of(catalogue: Catalogue, language: Language): Catalogue;
}

/** A holder of localised catalogues; the app keeps one, tests make their own. */
export function createCatalogueLanguages(): CatalogueLanguages {
  const made = new WeakMap<Catalogue, Map<Language, Catalogue>>();
  return {
    of(catalogue, language) {
      let byLanguage = made.get(catalogue);
      if (!byLanguage) {
        byLanguage = new Map();
        made.set(catalogue, byLanguage);
      }
      let localised = byLanguage.get(language);
      if (!localised) {
        localised = localizeCatalogue(catalogue, language);
        byLanguage.set(language, localised);
      }
      return localised;
    },
  };
}
