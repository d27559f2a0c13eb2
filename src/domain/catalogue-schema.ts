import { z } from 'zod';

/** Schemas the catalogue files in data/catalogue are validated against, in tests and at load. */

const id = z.string().regex(/^[a-z][a-z0-9-]*$/);
const color = z.string().regex(/^#[0-9a-f]{6}$/i);
const portNumber = z.number().int().min(1).max(65535);
const rangeText = z.string().regex(/^\d{1,5}-\d{1,5}$/);

export const ruleSchema = z.object({
  id: z.string().min(1),
  section: z.string().min(1),
  from: z.string().min(1),
  to: z.string().min(1),
  bidirectional: z.boolean(),
  protocol: z.enum(['TCP', 'UDP']),
  port: z.union([portNumber, rangeText, z.literal('dynamic')]),
  description: z.string().min(1),
  service: id,
  notes: z.array(z.number().int().min(1).max(6)),
  setting: z.string().optional(),
  condition: z
    .enum([
      'dp-pxe',
      'dp-multicast',
      'wsus-standard',
      'wsus-alternate',
      'site-install-remote-sql',
      'pull-dp',
      'cmg-scale-set',
      'cmg-classic',
      'sql-named-instance',
    ])
    .optional(),
  list: z.string().optional(),
});

export const retirementSchema = z.object({ release: z.string().min(1), reason: z.string().min(1) });

export const rulesFileSchema = z.object({
  source: z.object({ title: z.string(), edition: z.string(), date: z.string(), url: z.string() }),
  sections: z.array(
    z
      .object({
        anchor: z.string().min(1),
        from: id,
        to: id,
        bidirectional: z.boolean(),
        headingDe: z.string().min(1).optional(),
        heading: z.string().min(1).optional(),
      })
      .refine((s) => s.headingDe !== undefined || s.heading !== undefined, 'a section needs a heading'),
  ),
  rules: z.array(ruleSchema),
  /** Sections of the base edition that this edition dropped. */
  retiredSections: z
    .array(retirementSchema.extend({ anchor: z.string().min(1), from: id, to: id }))
    .optional(),
});

export const rolesFileSchema = z.object({
  roles: z.array(
    z
      .object({
        id,
        name: z.string().min(1),
        namesDe: z.array(z.string().min(1)),
        namesEn: z.array(z.string().min(1)).optional(),
        kind: z.enum(['site-system', 'client', 'external']),
        group: id,
        abbr: z.string().min(1).max(5),
        color,
        description: z.string().min(1),
        options: z.array(z.string()).optional(),
        retired: retirementSchema.optional(),
      })
      // A role the 2018 document lacks has no German name, but every role has a document name.
      .refine((r) => r.namesDe.length > 0 || (r.namesEn?.length ?? 0) > 0, 'a role needs a document name'),
  ),
  groups: z.array(z.object({ id, name: z.string().min(1) })),
  options: z.array(
    z.object({
      id: z.string().min(1),
      label: z.string().min(1),
      appliesTo: z.union([z.array(id), z.literal('site-systems')]),
      badge: z.string().min(1).max(12).optional(),
      values: z
        .array(z.object({ id: z.string(), label: z.string(), badge: z.string().min(1).max(12).optional() }))
        .optional(),
    }),
  ),
});

export const servicesFileSchema = z.object({
  services: z.array(z.object({ id, name: z.string().min(1), color, description: z.string().min(1) })),
});

export const notesFileSchema = z.object({
  notes: z.array(z.object({ number: z.number().int().min(1), title: z.string(), text: z.string().min(1) })),
});

const range = z.object({ from: portNumber, to: portNumber });

export const settingsFileSchema = z.object({
  ports: z.array(
    z.object({
      key: z.string().min(1),
      label: z.string(),
      default: portNumber,
      description: z.string(),
      hostOption: z.string().min(1).optional(),
    }),
  ),
  ranges: z.array(
    z.object({
      key: z.string().min(1),
      label: z.string(),
      default: range,
      presets: z.array(range.extend({ label: z.string() })),
      description: z.string(),
    }),
  ),
  flags: z.array(
    z.object({ key: z.string().min(1), label: z.string(), default: z.boolean(), description: z.string() }),
  ),
});

export const supplementaryFileSchema = z.object({
  lists: z.array(
    z.object({ id, section: z.string().min(1), name: z.string().min(1), description: z.string() }),
  ),
  rules: z.array(ruleSchema.extend({ list: z.string().min(1) })),
});

const editionSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('seed'), file: z.string().min(1) }),
  z.object({
    kind: z.literal('repository'),
    repo: z.string().min(1),
    path: z.string().min(1),
    commit: z.string().regex(/^[0-9a-f]{40}$/),
  }),
]);

export const editionInfoSchema = z.object({
  id: z.enum(['2018-de', 'current']),
  language: z.enum(['de', 'en']),
  title: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  url: z.url(),
  source: editionSource,
  additions: z.array(z.string().min(1)),
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
