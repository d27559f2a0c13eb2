import allSections from '@data/examples/all-sections.json';
import hierarchy from '@data/examples/hierarchy.json';
import standalonePrimary from '@data/examples/standalone-primary.json';
import type { Catalogue } from '@/domain/catalogue-types';
import type { TopologyDocument, Zone } from '@/domain/document';
import { createEmptyDocument, type RestoreResult, restoreDocument } from '@/domain/restore';
import { uniqueZoneName } from '@/domain/zones/zone-edits';
import { zoneKindName } from '@/domain/zones/zone-kinds';
import { appI18n } from '@/i18n/app-i18n';
import type { I18n } from '@/i18n/create-i18n';
import { languageOf } from '@/i18n/format-message';

/** An example topology from data/examples, offered in the Templates menu. */
export interface Template {
  readonly id: string;
  /** The name and description the data gives (English); {@link templateWords} has the reader's. */
  readonly name: string;
  readonly description: string;
  /** The raw JSON; it goes through restoreDocument like any other way in. */
  readonly data: unknown;
}

function describe(id: string, data: unknown): Template {
  const meta = data as { name?: unknown; description?: unknown };
  return {
    id,
    name: typeof meta.name === 'string' ? meta.name : id,
    description: typeof meta.description === 'string' ? meta.description : '',
    data,
  };
}

export const templates: readonly Template[] = [
  describe('standalone-primary', standalonePrimary),
  describe('hierarchy', hierarchy),
  describe('all-sections', allSections),
];

/** The catalogue's words for a key made from data, else the data's own (a template not yet in the catalogues). */
function wordsOr(i18n: I18n, key: string, fallback: string): string {
  // Keys made from a template's id are not typed; i18n.exists checks them at run time.
  return i18n.exists(key) ? (i18n.t(key as never) as unknown as string) : fallback;
}

/**
 * A template's name and description in the language of `i18n` (the app's by default), from the
 * Templates menu's catalogue words (`toolbar:templates.items.<id>`).
 */
export function templateWords(
  template: Template,
  i18n: I18n = appI18n,
): { readonly name: string; readonly description: string } {
  return {
    name: wordsOr(i18n, `toolbar:templates.items.${template.id}.name`, template.name),
    description: wordsOr(i18n, `toolbar:templates.items.${template.id}.description`, template.description),
  };
}

/**
 * The zones of a template named in `language`: the data's names are English words, so in English
 * they stay; in another language each zone takes its kind's name there (numbered when taken).
 */
function zonesIn(zones: readonly Zone[], language: ReturnType<typeof languageOf>): readonly Zone[] {
  if (language === 'en') return zones;
  const named: Zone[] = [];
  for (const zone of zones)
    named.push({ ...zone, name: uniqueZoneName(zoneKindName(zone.kind, language), named) });
  return named;
}

/**
 * Restores a template as a document in the language of `i18n` (the app's by default): the
 * document's name, description and zone names are in that language; hosts keep the data's names.
 */
export function restoreTemplate(
  template: Template,
  catalogue: Catalogue,
  i18n: I18n = appI18n,
): RestoreResult {
  const result = restoreDocument(template.data, catalogue);
  if (!result.ok) return result;
  const { name, description } = templateWords(template, i18n);
  const document: TopologyDocument = {
    ...result.document,
    name,
    ...(description ? { description } : {}),
    zones: zonesIn(result.document.zones, languageOf(i18n)),
  };
  return { ...result, document };
}

/** What a first visit shows: the standalone primary example (an empty diagram if it cannot be read). */
export function sampleDocument(catalogue: Catalogue): TopologyDocument {
  const first = templates[0];
  const result = first ? restoreTemplate(first, catalogue) : undefined;
  return result?.ok ? result.document : createEmptyDocument(catalogue, untitledName());
}

/** The name of a new document in the app's language ("Untitled topology"). */
export function untitledName(i18n: I18n = appI18n): string {
  return i18n.t('store:file.untitled');
}
