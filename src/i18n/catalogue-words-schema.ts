// Before any zod schema is built: see zod-jitless.ts (the CLI and workers may reach this file first).
import '@/zod-jitless';
import * as z from 'zod/mini';

/**
 * Schemas of the catalogue's words in another language (data/catalogue/<language>/*.json). The
 * files hold words only, keyed by the ids of data/catalogue; ports, ranges, sections and anchors
 * are facts and stay in the catalogue itself.
 */

const words = z.string().check(z.minLength(1));
const badge = z.string().check(z.minLength(1), z.maxLength(12));

export const rolesWordsSchema = z.object({
  /** Descriptions by role id; a role's name is the catalogue's `namesDe[0]` (the document's own word). */
  roles: z.record(z.string(), z.object({ description: words })),
  groups: z.record(z.string(), words),
  options: z.record(
    z.string(),
    z.object({
      label: words,
      badge: z.optional(badge),
      values: z.optional(z.record(z.string(), z.object({ label: words, badge: z.optional(badge) }))),
    }),
  ),
});

export const servicesWordsSchema = z.object({
  services: z.record(z.string(), z.object({ name: words, description: words })),
});

/** One description and every rule id (of any edition) that carries it, so a phrase is written once. */
export const rulesWordsSchema = z.object({
  descriptions: z.array(z.object({ description: words, rules: z.array(words).check(z.minLength(1)) })),
});

const noteWords = z.object({ title: words, text: words });

export const notesWordsSchema = z.object({ notes: z.record(z.string(), noteWords) });

const settingWords = z.object({ label: words, description: words });

export const settingsWordsSchema = z.object({
  ports: z.record(z.string(), settingWords),
  /** Preset labels by `from-to`, the preset's range. */
  ranges: z.record(z.string(), z.extend(settingWords, { presets: z.record(z.string(), words) })),
  flags: z.record(z.string(), settingWords),
});

export const supplementaryWordsSchema = z.object({
  lists: z.record(z.string(), z.object({ name: words, description: words })),
});

/** What one edition words on its own: its title and, where it rewords the base, the new words. */
export const editionWordsSchema = z.object({
  title: words,
  additions: z.array(words),
  retiredRoles: z.optional(z.record(z.string(), words)),
  retiredSections: z.optional(z.record(z.string(), words)),
  roles: z.optional(z.record(z.string(), z.object({ description: words }))),
  notes: z.optional(z.record(z.string(), noteWords)),
  ports: z.optional(z.record(z.string(), z.partial(settingWords))),
});

export const editionsWordsSchema = z.object({
  /** The port document's title (the catalogue's `source.title`). */
  documentTitle: words,
  editions: z.record(z.string(), editionWordsSchema),
});

export type RolesWords = z.infer<typeof rolesWordsSchema>;
export type ServicesWords = z.infer<typeof servicesWordsSchema>;
export type RulesWords = z.infer<typeof rulesWordsSchema>;
export type NotesWords = z.infer<typeof notesWordsSchema>;
export type SettingsWords = z.infer<typeof settingsWordsSchema>;
export type SupplementaryWords = z.infer<typeof supplementaryWordsSchema>;
export type EditionWords = z.infer<typeof editionWordsSchema>;
export type EditionsWords = z.infer<typeof editionsWordsSchema>;
