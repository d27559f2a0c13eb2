import * as z from 'zod/mini';

/**
 * Schemas the catalogue files in data/catalogue are validated against, in tests and at load. They use
 * zod's tree-shakable `zod/mini` API: the page validates the catalogue at start-up, and the classic
 * API would cost tens of kilobytes of the first load.
 */

/** Text of at least `min` (and at most `max`) characters. */
const text = (min = 0, max?: number) =>
  z.string().check(z.minLength(min), ...(max === undefined ? [] : [z.maxLength(max)]));
const id = z.string().check(z.regex(/^[a-z][a-z0-9-]*$/));
const color = z.string().check(z.regex(/^#[0-9a-f]{6}$/i));
const portNumber = z.int().check(z.minimum(1), z.maximum(65535));
const rangeText = z.string().check(z.regex(/^\d{1,5}-\d{1,5}$/));

export const ruleSchema = z.object({
  id: text(1),
  section: text(1),
  from: text(1),
  to: text(1),
  bidirectional: z.boolean(),
  protocol: z.enum(['TCP', 'UDP']),
  port: z.union([portNumber, rangeText, z.literal('dynamic')]),
  description: text(1),
  service: id,
  notes: z.array(z.int().check(z.minimum(1), z.maximum(6))),
  setting: z.optional(z.string()),
  condition: z.optional(
    z.enum([
      'dp-pxe',
      'dp-multicast',
      'wsus-standard',
      'wsus-alternate',
      'site-install-remote-sql',
      'pull-dp',
      'cmg-scale-set',
      'cmg-classic',
      'sql-named-instance',
    ]),
  ),
  list: z.optional(z.string()),
});

export const retirementSchema = z.object({ release: text(1), reason: text(1) });

export const rulesFileSchema = z.object({
  source: z.object({ title: z.string(), edition: z.string(), date: z.string(), url: z.string() }),
  sections: z.array(
    z
      .object({
        anchor: text(1),
        from: id,
        to: id,
        bidirectional: z.boolean(),
        headingDe: z.optional(text(1)),
        heading: z.optional(text(1)),
      })
      .check(
        z.refine((s) => s.headingDe !== undefined || s.heading !== undefined, 'a section needs a heading'),
      ),
  ),
  rules: z.array(ruleSchema),
  /** Sections of the base edition that this edition dropped. */
  retiredSections: z.optional(z.array(z.extend(retirementSchema, { anchor: text(1), from: id, to: id }))),
});

export const rolesFileSchema = z.object({
  roles: z.array(
    z
      .object({
        id,
        name: text(1),
        namesDe: z.array(text(1)),
        namesEn: z.optional(z.array(text(1))),
        kind: z.enum(['site-system', 'client', 'external']),
        group: id,
        abbr: text(1, 5),
        color,
        description: text(1),
        options: z.optional(z.array(z.string())),
        retired: z.optional(retirementSchema),
      })
      // A role the 2018 document lacks has no German name, but every role has a document name.
      .check(
        z.refine((r) => r.namesDe.length > 0 || (r.namesEn?.length ?? 0) > 0, 'a role needs a document name'),
      ),
  ),
  groups: z.array(z.object({ id, name: text(1) })),
  options: z.array(
    z.object({
      id: text(1),
      label: text(1),
      appliesTo: z.union([z.array(id), z.literal('site-systems')]),
      badge: z.optional(text(1, 12)),
      values: z.optional(
        z.array(z.object({ id: z.string(), label: z.string(), badge: z.optional(text(1, 12)) })),
      ),
    }),
  ),
});

export const servicesFileSchema = z.object({
  services: z.array(z.object({ id, name: text(1), color, description: text(1) })),
});

export const notesFileSchema = z.object({
  notes: z.array(z.object({ number: z.int().check(z.minimum(1)), title: z.string(), text: text(1) })),
});

const range = z.object({ from: portNumber, to: portNumber });

export const settingsFileSchema = z.object({
  ports: z.array(
    z.object({
      key: text(1),
      label: z.string(),
      default: portNumber,
      description: z.string(),
      hostOption: z.optional(text(1)),
    }),
  ),
  ranges: z.array(
    z.object({
      key: text(1),
      label: z.string(),
      default: range,
      presets: z.array(z.extend(range, { label: z.string() })),
      description: z.string(),
    }),
  ),
  flags: z.array(
    z.object({ key: text(1), label: z.string(), default: z.boolean(), description: z.string() }),
  ),
});

export const supplementaryFileSchema = z.object({
  lists: z.array(z.object({ id, section: text(1), name: text(1), description: z.string() })),
  rules: z.array(z.extend(ruleSchema, { list: text(1) })),
});

const editionSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('seed'), file: text(1) }),
  z.object({
    kind: z.literal('repository'),
    repo: text(1),
    path: text(1),
    commit: z.string().check(z.regex(/^[0-9a-f]{40}$/)),
  }),
]);

export const editionInfoSchema = z.object({
  id: z.enum(['2018-de', 'current']),
  language: z.enum(['de', 'en']),
  title: text(1),
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  url: z.url(),
  source: editionSource,
  additions: z.array(text(1)),
});

export interface CatalogueFiles {
  /** The edition's metadata; without it the files are the base edition, `2018-de`. */
  edition?: unknown;
  roles: unknown;
  rules: unknown;
  services: unknown;
  notes: unknown;
  settings: unknown;
  supplementary: unknown;
}
