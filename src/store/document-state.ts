/** The document part of the store's state: what undo records, autosave writes and a file holds. */
import {
  DOCUMENT_FORMAT,
  DOCUMENT_VERSION,
  type DocumentContent,
  type TopologyDocument,
} from '@/domain/document';
import type { AppState } from './store-types';

const DOCUMENT_KEYS = [
  'name',
  'description',
  'hosts',
  'links',
  'zones',
  'settings',
  'layout',
  'results',
] as const;

/** What the undo history records: the document, never selection, sizes or panels. */
export function documentSlice(state: DocumentContent): DocumentContent {
  return {
    name: state.name,
    description: state.description,
    hosts: state.hosts,
    links: state.links,
    zones: state.zones,
    settings: state.settings,
    layout: state.layout,
    results: state.results,
  };
}

/** True when two document slices hold the same parts (by reference: every change makes new objects). */
export function sameDocument(a: Partial<DocumentContent>, b: Partial<DocumentContent>): boolean {
  return DOCUMENT_KEYS.every((key) => a[key] === b[key]);
}

/** The state as a document to save, export or autosave. */
export function toDocument(state: DocumentContent): TopologyDocument {
  const { description, results, ...rest } = documentSlice(state);
  return {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    ...rest,
    ...(description === undefined ? {} : { description }),
    ...(results === undefined ? {} : { results }),
  };
}

/** A document's content as state; `description` and `results` are always set so replacing a document clears them. */
export function fromDocument(document: TopologyDocument): DocumentContent {
  const { format: _format, version: _version, ...rest } = document;
  return { description: undefined, results: undefined, ...rest };
}

/**
 * Sets a new document in one `set` (one undo step), with other state that changes with it. Only
 * the document's own keys are taken from `doc`: the domain's edits return whatever they were given
 * (the whole state, actions included) with the changed parts replaced.
 */
export function commitDocument(
  set: (partial: Partial<AppState>) => void,
  doc: DocumentContent,
  extra: Partial<AppState> = {},
): void {
  set({ ...documentSlice(doc), ...extra });
}
