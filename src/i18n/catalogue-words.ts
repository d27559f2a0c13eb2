import { parseFile } from '@/domain/catalogue';
import type { EditionId } from '@/domain/catalogue-types';
import {
  type EditionWords,
  editionsWordsSchema,
  notesWordsSchema,
  rolesWordsSchema,
  rulesWordsSchema,
  servicesWordsSchema,
  settingsWordsSchema,
  supplementaryWordsSchema,
} from './catalogue-words-schema';
import { germanFiles } from './german';

/** Words of one kind by id; a Map, so an id such as `constructor` never meets Object's prototype. */
export type WordsById<T> = ReadonlyMap<string, T>;

export interface SettingWords {
  readonly label: string;
  readonly description: string;
}

export interface OptionWords {
  readonly label: string;
  readonly badge?: string | undefined;
  readonly values: WordsById<{ readonly label: string; readonly badge?: string | undefined }>;
}

/** The catalogue's words of one edition in one language, each looked up by the catalogue's ids. */
export interface CatalogueWords {
  readonly documentTitle: string;
  readonly edition: { readonly title: string; readonly additions: readonly string[] };
  readonly roleDescriptions: WordsById<string>;
  readonly retiredRoles: WordsById<string>;
  readonly retiredSections: WordsById<string>;
  readonly groups: WordsById<string>;
  readonly options: WordsById<OptionWords>;
  readonly services: WordsById<{ readonly name: string; readonly description: string }>;
  /** Rule descriptions by rule id (ids of every edition). */
  readonly rules: WordsById<string>;
  /** Notes by number. */
  readonly notes: ReadonlyMap<number, { readonly title: string; readonly text: string }>;
  readonly ports: WordsById<SettingWords>;
  readonly ranges: WordsById<SettingWords & { readonly presets: WordsById<string> }>;
  readonly flags: WordsById<SettingWords>;
  readonly lists: WordsById<{ readonly name: string; readonly description: string }>;
}

const byId = <T>(record: Readonly<Record<string, T>> | undefined): Map<string, T> =>
  new Map(Object.entries(record ?? {}));

/** The German files, validated once on first use: an English reader never pays for them. */
function parseGerman() {
  const de = germanFiles().catalogue;
  const file = (name: string) => `de/${name}`;
  const roles = parseFile(rolesWordsSchema, de.roles, file('roles.json'));
  const rules = parseFile(rulesWordsSchema, de.rules, file('rules.json'));
  const ruleWords = new Map<string, string>();
  for (const entry of rules.descriptions) {
    for (const id of entry.rules) {
      if (ruleWords.has(id)) throw new RangeError(`de/rules.json: rule ${id} is described twice`);
      ruleWords.set(id, entry.description);
    }
  }
  return {
    roles,
    ruleWords,
    services: parseFile(servicesWordsSchema, de.services, file('services.json')),
    notes: parseFile(notesWordsSchema, de.notes, file('notes.json')),
    settings: parseFile(settingsWordsSchema, de.settings, file('settings.json')),
    supplementary: parseFile(supplementaryWordsSchema, de.supplementary, file('supplementary.json')),
    editions: parseFile(editionsWordsSchema, de.editions, file('editions.json')),
  };
}

let german: ReturnType<typeof parseGerman> | undefined;
const made = new Map<EditionId, CatalogueWords>();

/**
 * The German words of an edition: the base words of data/catalogue/de with what the edition
 * rewords (data/catalogue/de/editions.json) laid over them. Validated on first use, then kept.
 *
 * @param edition - The catalogue's edition id.
 * @returns Words by the catalogue's ids; an id without words is simply absent.
 * @throws CatalogueError when a German file does not pass its schema; Error before they are loaded.
 * @example
 * germanCatalogueWords('current').roleDescriptions.get('cmg'); // 'Azure-Dienst, über den …'
 */
export function germanCatalogueWords(edition: EditionId): CatalogueWords {
  const known = made.get(edition);
  if (known) return known;
  german ??= parseGerman();
  const { roles, ruleWords, services, notes, settings, supplementary, editions } = german;
  const own: EditionWords = editions.editions[edition] ?? { title: '', additions: [] };
  const ports = byId<SettingWords>(settings.ports);
  for (const [key, change] of byId(own.ports)) {
    const base = ports.get(key);
    ports.set(key, {
      label: change.label ?? base?.label ?? '',
      description: change.description ?? base?.description ?? '',
    });
  }
  const noteWords = new Map(Object.entries({ ...notes.notes, ...own.notes }).map(([n, w]) => [Number(n), w]));
  const words: CatalogueWords = {
    documentTitle: editions.documentTitle,
    edition: { title: own.title, additions: own.additions },
    roleDescriptions: new Map(
      Object.entries({ ...roles.roles, ...own.roles }).map(([id, r]) => [id, r.description]),
    ),
    retiredRoles: byId(own.retiredRoles),
    retiredSections: byId(own.retiredSections),
    groups: byId(roles.groups),
    options: new Map(Object.entries(roles.options).map(([id, o]) => [id, { ...o, values: byId(o.values) }])),
    services: byId(services.services),
    rules: ruleWords,
    notes: noteWords,
    ports,
    ranges: new Map(
      Object.entries(settings.ranges).map(([key, r]) => [key, { ...r, presets: byId(r.presets) }]),
    ),
    flags: byId(settings.flags),
    lists: byId(supplementary.lists),
  };
  made.set(edition, words);
  return words;
}
