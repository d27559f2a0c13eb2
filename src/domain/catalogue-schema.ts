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
    .enum(['dp-pxe', 'dp-multicast', 'wsus-standard', 'wsus-alternate', 'site-install-remote-sql'])
    .optional(),
  list: z.string().optional(),
});

export const rulesFileSchema = z.object({
  source: z.object({ title: z.string(), edition: z.string(), date: z.string(), url: z.string() }),
  sections: z.array(
    z.object({
      anchor: z.string().min(1),
      from: id,
      to: id,
      bidirectional: z.boolean(),
      headingDe: z.string().min(1),
    }),
  ),
  rules: z.array(ruleSchema),
});

export const rolesFileSchema = z.object({
  roles: z.array(
    z.object({
      id,
      name: z.string().min(1),
      namesDe: z.array(z.string().min(1)).min(1),
      kind: z.enum(['site-system', 'client', 'external']),
      group: id,
      abbr: z.string().min(1).max(5),
      color,
      description: z.string().min(1),
      options: z.array(z.string()).optional(),
    }),
  ),
  groups: z.array(z.object({ id, name: z.string().min(1) })),
  options: z.array(
    z.object({
      id: z.string().min(1),
      label: z.string().min(1),
      appliesTo: z.union([z.array(id), z.literal('site-systems')]),
      values: z.array(z.object({ id: z.string(), label: z.string() })).optional(),
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
    z.object({ key: z.string().min(1), label: z.string(), default: portNumber, description: z.string() }),
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

export interface CatalogueFiles {
  roles: unknown;
  rules: unknown;
  services: unknown;
  notes: unknown;
  settings: unknown;
  supplementary: unknown;
}
