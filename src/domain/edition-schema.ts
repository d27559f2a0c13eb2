import * as z from 'zod/mini';
import { retirementSchema, ruleSchema } from './catalogue-schema';

/**
 * Schemas of an edition's overlay (data/catalogue/editions/<id>/): what the edition adds to,
 * changes in and retires from the base files in data/catalogue, which are the `2018-de` edition.
 */

const text = (min = 0, max?: number) =>
  z.string().check(z.minLength(min), ...(max === undefined ? [] : [z.maxLength(max)]));
const id = z.string().check(z.regex(/^[a-z][a-z0-9-]*$/));

/** A new row of a section: the section gives its anchor, roles and direction; the id defaults to anchor/protocol/port. */
export const overlayRowSchema = z.extend(
  z.omit(ruleSchema, { id: true, section: true, from: true, to: true, bidirectional: true, list: true }),
  { id: z.optional(text(1)) },
);

/**
 * One section of the edition, in the order of its page. A row is either the id of a base rule
 * (shared fact, written once) or a new rule. Without `rows` a base section keeps its rows;
 * a new section states its roles and direction.
 */
export const overlaySectionSchema = z.object({
  anchor: text(1),
  heading: text(1),
  from: z.optional(id),
  to: z.optional(id),
  bidirectional: z.optional(z.boolean()),
  rows: z.optional(z.array(z.union([text(1), overlayRowSchema]))),
});

export const overlaySectionsSchema = z.object({
  sections: z.array(overlaySectionSchema),
  retire: z.array(z.extend(retirementSchema, { anchor: text(1) })),
});

const overlayRoleSchema = z.object({
  id,
  name: text(1),
  namesDe: z.array(text(1)),
  kind: z.enum(['site-system', 'client', 'external']),
  group: id,
  abbr: text(1, 5),
  color: z.string(),
  description: text(1),
  options: z.optional(z.array(z.string())),
});

export const overlayRolesSchema = z.object({
  add: z.array(overlayRoleSchema),
  /** Fields of a base role that the edition words differently. */
  change: z.array(z.extend(z.partial(overlayRoleSchema), { id })),
  retire: z.array(z.extend(retirementSchema, { id })),
  /** Role options the edition adds. */
  options: z.array(
    z.object({
      id: text(1),
      label: text(1),
      appliesTo: z.union([z.array(id), z.literal('site-systems')]),
      badge: z.optional(text(1, 12)),
    }),
  ),
  /** Names the edition's page uses for each role, by role id. */
  namesEn: z.record(z.string(), z.array(text(1))),
});

const portSetting = z.object({
  key: text(1),
  label: z.string(),
  default: z.int(),
  description: z.string(),
  hostOption: z.optional(text(1)),
});

export const overlayCatalogueSchema = z.object({
  /** Notes whose wording the edition replaces (same number, new text). */
  notes: z.array(z.object({ number: z.int().check(z.minimum(1)), title: z.string(), text: text(1) })),
  settings: z.object({
    ports: z.array(portSetting),
    change: z.array(z.extend(z.partial(portSetting), { key: text(1) })),
    /** Port settings no rule of the edition uses any more. */
    retire: z.array(text(1)),
  }),
  supplementary: z.object({
    /** New section anchor of a supplementary list, by list id: rule ids follow the anchor. */
    anchors: z.record(z.string(), text(1)),
    /** Rules the edition adds to a list, after a base rule id or at the end of the list. */
    rules: z.array(
      z.extend(z.omit(ruleSchema, { id: true, section: true }), {
        id: z.optional(text(1)),
        after: z.optional(text(1)),
        list: id,
      }),
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
