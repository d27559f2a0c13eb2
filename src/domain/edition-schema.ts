import { z } from 'zod';
import { retirementSchema, ruleSchema } from './catalogue-schema';

/**
 * Schemas of an edition's overlay (data/catalogue/editions/<id>/): what the edition adds to,
 * changes in and retires from the base files in data/catalogue, which are the `2018-de` edition.
 */

const id = z.string().regex(/^[a-z][a-z0-9-]*$/);

/** A new row of a section: the section gives its anchor, roles and direction; the id defaults to anchor/protocol/port. */
export const overlayRowSchema = ruleSchema
  .omit({ id: true, section: true, from: true, to: true, bidirectional: true, list: true })
  .extend({ id: z.string().min(1).optional() });

/**
 * One section of the edition, in the order of its page. A row is either the id of a base rule
 * (shared fact, written once) or a new rule. Without `rows` a base section keeps its rows;
 * a new section states its roles and direction.
 */
export const overlaySectionSchema = z.object({
  anchor: z.string().min(1),
  heading: z.string().min(1),
  from: id.optional(),
  to: id.optional(),
  bidirectional: z.boolean().optional(),
  rows: z.array(z.union([z.string().min(1), overlayRowSchema])).optional(),
});

export const overlaySectionsSchema = z.object({
  sections: z.array(overlaySectionSchema),
  retire: z.array(retirementSchema.extend({ anchor: z.string().min(1) })),
});

const overlayRoleSchema = z.object({
  id,
  name: z.string().min(1),
  namesDe: z.array(z.string().min(1)),
  kind: z.enum(['site-system', 'client', 'external']),
  group: id,
  abbr: z.string().min(1).max(5),
  color: z.string(),
  description: z.string().min(1),
  options: z.array(z.string()).optional(),
});

export const overlayRolesSchema = z.object({
  add: z.array(overlayRoleSchema),
  /** Fields of a base role that the edition words differently. */
  change: z.array(overlayRoleSchema.partial().extend({ id })),
  retire: z.array(retirementSchema.extend({ id })),
  /** Role options the edition adds. */
  options: z.array(
    z.object({
      id: z.string().min(1),
      label: z.string().min(1),
      appliesTo: z.union([z.array(id), z.literal('site-systems')]),
      badge: z.string().min(1).max(12).optional(),
    }),
  ),
  /** Names the edition's page uses for each role, by role id. */
  namesEn: z.record(z.string(), z.array(z.string().min(1))),
});

const portSetting = z.object({
  key: z.string().min(1),
  label: z.string(),
  default: z.number().int(),
  description: z.string(),
  hostOption: z.string().min(1).optional(),
});

export const overlayCatalogueSchema = z.object({
  /** Notes whose wording the edition replaces (same number, new text). */
  notes: z.array(z.object({ number: z.number().int().min(1), title: z.string(), text: z.string().min(1) })),
  settings: z.object({
    ports: z.array(portSetting),
    change: z.array(portSetting.partial().extend({ key: z.string().min(1) })),
    /** Port settings no rule of the edition uses any more. */
    retire: z.array(z.string().min(1)),
  }),
  supplementary: z.object({
    /** New section anchor of a supplementary list, by list id: rule ids follow the anchor. */
    anchors: z.record(z.string(), z.string().min(1)),
    /** Rules the edition adds to a list, after a base rule id or at the end of the list. */
    rules: z.array(
      ruleSchema
        .omit({ id: true, section: true })
        .extend({ id: z.string().min(1).optional(), after: z.string().min(1).optional(), list: id }),
    ),
  }),
});

export type OverlaySections = z.infer<typeof overlaySectionsSchema>;
export type OverlayRoles = z.infer<typeof overlayRolesSchema>;
export type OverlayCatalogue = z.infer<typeof overlayCatalogueSchema>;

/** Everything an edition states beyond its metadata; `2018-de` states nothing (it is the base). */
export interface EditionOverlay {
  readonly sections?: OverlaySections;
  readonly roles?: OverlayRoles;
  readonly catalogue?: OverlayCatalogue;
}
