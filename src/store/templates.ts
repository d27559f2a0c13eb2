import allSections from '@data/examples/all-sections.json';
import hierarchy from '@data/examples/hierarchy.json';
import standalonePrimary from '@data/examples/standalone-primary.json';
import type { Catalogue } from '@/domain/catalogue-types';
import type { TopologyDocument } from '@/domain/document';
import { createEmptyDocument, type RestoreResult, restoreDocument } from '@/domain/restore';

/** An example topology from data/examples, offered in the Templates menu. */
export interface Template {
  readonly id: string;
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

export function restoreTemplate(template: Template, catalogue: Catalogue): RestoreResult {
  return restoreDocument(template.data, catalogue);
}

/** What a first visit shows: the standalone primary example (an empty diagram if it cannot be read). */
export function sampleDocument(catalogue: Catalogue): TopologyDocument {
  const first = templates[0];
  const result = first ? restoreTemplate(first, catalogue) : undefined;
  return result?.ok ? result.document : createEmptyDocument(catalogue);
}
