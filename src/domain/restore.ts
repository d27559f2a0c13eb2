import type { Catalogue } from './catalogue-types';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, type Host, type Link, type TopologyDocument } from './document';
import { documentText } from './document-text';
import { MAX_FILE_BYTES } from './limits';
import { type Message, message } from './message';
import { migrations } from './migrations';
import { type LinkEnds, restoreLinks, restoreZones } from './restore-graph';
import { restoreHosts } from './restore-hosts';
import { scanLimits } from './restore-scan';
import { restoreEdition, restoreLayout, restoreSettings } from './restore-settings';
import { describe, isObject, type Json, own, quoted, text } from './restore-values';
import { restoreResults } from './results/restore-results';
import { defaultSettings } from './settings';

// Kept here too: the app and the CLI read the file cap where they read documents.
export { MAX_FILE_BYTES };

export type RestoreResult =
  | {
      readonly ok: true;
      readonly document: TopologyDocument;
      /** What was repaired or dropped, as messages (namespace `restore`); empty when the input was clean. */
      readonly problems: readonly Message[];
      /** The version the input had, when it was migrated. */
      readonly migratedFrom?: number;
    }
  | { readonly ok: false; readonly error: Message };

/**
 * The message key of a refusal when restore itself failed. It should never be seen; the fuzz test
 * counts every such refusal as a failure (see {@link isRestoreFailure}).
 */
export const RESTORE_FAILURE = 'restore:refusal.failure';

/**
 * True when a refusal says restore itself failed (a bug), not that the input is unusable.
 *
 * @param error - the `error` of a refused {@link RestoreResult}
 * @example
 * const result = restoreDocument(input, catalogue);
 * if (!result.ok && isRestoreFailure(result.error)) reportBug(result.error);
 */
export const isRestoreFailure = (error: Message): boolean => error.key === RESTORE_FAILURE;

const refuse = (key: string, params?: Parameters<typeof message>[1]): RestoreResult => ({
  ok: false,
  error: message(`restore:refusal.${key}`, params),
});

/**
 * How restore reads a document whose links list another thread holds (the parse worker's split
 * read, parse-split.ts): the links step stands in for `restoreLinks`, and the caps scan reports
 * its count so the caller can add the other part's.
 */
export interface RestoreParts {
  /** Gets the restored hosts' places and the problems so far, in place of `restoreLinks`. */
  readonly links: (indexById: ReadonlyMap<string, number>, problems: Message[]) => Link[];
  /** Gets how many values the caps scan counted in this part. */
  readonly counted: { values: number };
  /** When given, gets the restored hosts, their places and the problems so far, and makes the layout. */
  readonly layout?: (hosts: readonly Host[], ids: ReadonlyMap<string, number>, problems: Message[]) => Layout;
}

type Layout = TopologyDocument['layout'];

/** A field that is left out when absent, so a saved and reopened document stays equal. */
const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

function restoreChecked(
  input: Json,
  version: number,
  catalogue: Catalogue,
  reuse: boolean,
  ends?: LinkEnds,
  parts?: RestoreParts,
): RestoreResult {
  let doc: Json = input;
  for (const step of migrations) {
    if (step.from === own(doc, 'version')) doc = step.up(doc);
  }
  const reached = own(doc, 'version');
  if (reached !== DOCUMENT_VERSION) {
    return refuse('noMigration', { from: describe(reached), to: String(DOCUMENT_VERSION) });
  }
  const problems: Message[] = [];
  // The document's edition decides which roles and settings it knows.
  const edition = restoreEdition(own(doc, 'settings'), catalogue, problems);
  const rawHosts = own(doc, 'hosts');
  if (rawHosts !== undefined && !Array.isArray(rawHosts)) {
    return refuse('hostsNotList');
  }
  const restored = restoreHosts(rawHosts ?? [], edition, problems, reuse);
  if (!('hosts' in restored)) return { ok: false, error: restored };
  const { hosts, indexById } = restored;
  const rawZones = own(doc, 'zones');
  const zones = restoreZones(Array.isArray(rawZones) ? rawZones : [], problems);
  const zoneIds = new Set(zones.map((z) => z.id));
  // The host list itself until a host loses its zone.
  let checkedHosts: Host[] = hosts;
  for (let index = 0; index < hosts.length; index += 1) {
    const host = hosts[index] as Host;
    if (host.zone === undefined || zoneIds.has(host.zone)) {
      if (checkedHosts !== hosts) checkedHosts.push(host);
      continue;
    }
    if (checkedHosts === hosts) checkedHosts = hosts.slice(0, index);
    problems.push(
      message('restore:host.zoneMissing', { host: quoted(host.name), zone: describe(host.zone) }),
    );
    const { zone: _zone, ...rest } = host;
    checkedHosts.push(rest);
  }
  const rawLinks = own(doc, 'links');
  const links = parts
    ? parts.links(indexById, problems)
    : restoreLinks(Array.isArray(rawLinks) ? rawLinks : [], indexById, problems, reuse, ends);
  const name =
    text(own(doc, 'name'), message('restore:subject.documentName'), problems) || 'Untitled topology';
  const description = text(own(doc, 'description'), message('restore:subject.documentDescription'), problems);
  const document: TopologyDocument = {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    name,
    ...(description ? { description } : {}),
    hosts: checkedHosts,
    links,
    zones,
    settings: restoreSettings(own(doc, 'settings'), edition, problems),
    layout: parts?.layout
      ? parts.layout(checkedHosts, indexById, problems)
      : restoreLayout(own(doc, 'layout'), checkedHosts, problems, reuse, indexById),
    ...optional('results', restoreResults(own(doc, 'results'), problems)),
  };
  return version < DOCUMENT_VERSION
    ? { ok: true, document, problems, migratedFrom: version }
    : { ok: true, document, problems };
}

/**
 * The single way into the app and the CLI for a document from anywhere (file, autosave,
 * template): checks it is ours, refuses newer versions, checks the size caps of limits.ts,
 * migrates older versions, validates every part, repairs what is safe and reports what it
 * dropped. It never throws, whatever the input.
 *
 * @param input - any value, typically from `JSON.parse`
 * @param catalogue - the role and settings catalogue; a document of another edition is read with
 *   that edition's catalogue
 * @returns the document and the report lines, or a one-line refusal naming the field or version
 *   (messages of the `restore` namespace, put into words by the UI and the CLI)
 * @example
 * const result = restoreDocument(JSON.parse(text), catalogue);
 * if (result.ok) load(result.document, result.problems);
 * else showError(result.error);
 */
export function restoreDocument(input: unknown, catalogue: Catalogue): RestoreResult {
  return restoreFrom(input, catalogue, false);
}

/**
 * `restoreDocument`; with `reuse`, objects of `input` that are already exactly as restore makes
 * them (a link of id and ends, a position of x and y, the layout in host order) are kept rather than
 * copied: only for input nobody else holds, such as what `JSON.parse` just made.
 */
function restoreFrom(
  input: unknown,
  catalogue: Catalogue,
  reuse: boolean,
  ends?: LinkEnds,
  parts?: RestoreParts,
): RestoreResult {
  try {
    if (!isObject(input) || own(input, 'format') !== DOCUMENT_FORMAT) {
      return refuse('noFormat');
    }
    const version = own(input, 'version');
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      return refuse('versionNotNumber', { version: describe(version) });
    }
    if (version > DOCUMENT_VERSION) {
      return refuse('newerVersion', { version: String(version), supported: String(DOCUMENT_VERSION) });
    }
    const tooBig = scanLimits(input, parts?.counted);
    if (tooBig) return refuse('tooBig', { reason: { message: tooBig } });
    return restoreChecked(input, version, catalogue, reuse, ends, parts);
  } catch (error) {
    // A last guard so that a bug here never blanks the app; the message is built without
    // converting the thrown value.
    const reason =
      error instanceof Error && typeof error.message === 'string'
        ? error.message.slice(0, 200)
        : describe(error);
    return { ok: false, error: message(RESTORE_FAILURE, { reason }) };
  }
}

/**
 * Restores a just-parsed document (nobody else holds it) whose links another thread restores: the
 * parse worker's split read (parse-split.ts), which checks the other part's caps itself.
 *
 * @param parsed - what `JSON.parse` made of the document's text without its links
 * @param catalogue - the role and settings catalogue
 * @param parts - the links step and the count of values scanned
 * @returns as `restoreDocument`, with the links the step gave
 * @example restoreWithoutLinks(JSON.parse(head), catalogue, { links: () => [], counted: { values: 0 } })
 */
export function restoreWithoutLinks(
  parsed: unknown,
  catalogue: Catalogue,
  parts: RestoreParts,
): RestoreResult {
  return restoreFrom(parsed, catalogue, true, undefined, parts);
}

/**
 * Reads a document from the text of a file: refuses empty and oversized text and anything that is
 * not JSON with a one-line reason, then restores it.
 *
 * @param textInput - the file or autosave text
 * @param catalogue - the role and settings catalogue
 * @returns as `restoreDocument`
 * @example readDocumentText('', catalogue) // refused: 'Not a topology file: the file is empty'
 */
export function readDocumentText(textInput: string, catalogue: Catalogue): RestoreResult {
  return readText(textInput, catalogue, undefined);
}

/**
 * `readDocumentText`, and the places of the restored links' ends in the restored host list,
 * which restore looks up anyway (for the parse worker, which sends them with the document).
 *
 * @param textInput - the file or autosave text
 * @param catalogue - the role and settings catalogue
 * @returns the restore result; `linkEnds` beside a document: the source of link `i` is
 *   `document.hosts[linkEnds[2 * i]]`, its target `document.hosts[linkEnds[2 * i + 1]]`
 * @example
 * const { result, linkEnds } = readDocumentTextWithEnds(text, catalogue);
 */
export function readDocumentTextWithEnds(
  textInput: string,
  catalogue: Catalogue,
): { result: RestoreResult; linkEnds?: Int32Array } {
  const ends: LinkEnds = {};
  const result = readText(textInput, catalogue, ends);
  return result.ok && ends.places ? { result, linkEnds: ends.places } : { result };
}

function readText(textInput: string, catalogue: Catalogue, ends: LinkEnds | undefined): RestoreResult {
  if (textInput.length > MAX_FILE_BYTES) {
    return refuse('fileTooLarge', { size: MAX_FILE_BYTES / 1024 / 1024 });
  }
  if (textInput.trim() === '') return refuse('empty');
  let parsed: unknown;
  try {
    parsed = JSON.parse(textInput.charCodeAt(0) === 0xfeff ? textInput.slice(1) : textInput);
  } catch (error) {
    const reason = error instanceof Error ? error.message : describe(error);
    return refuse('notJson', { reason });
  }
  // The parsed objects are this call's own: those already as restore makes them are kept.
  return restoreFrom(parsed, catalogue, true, ends);
}

/**
 * A new, empty document with the default settings of a catalogue (and so its edition).
 *
 * @param catalogue - the edition the diagram starts on
 * @param name - the diagram's name
 * @returns a document without hosts, links, zones or positions
 * @example
 * createEmptyDocument(loadEdition('current')).settings.edition; // 'current'
 */
export function createEmptyDocument(catalogue: Catalogue, name = 'Untitled topology'): TopologyDocument {
  return {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    name,
    hosts: [],
    links: [],
    zones: [],
    settings: defaultSettings(catalogue),
    layout: {},
  };
}

/**
 * The JSON text a document is saved as ({@link documentText}: one line per host, link, zone and
 * position, with a final newline), so saved files diff by entry. `readDocumentText` reads it back
 * to the same document.
 *
 * @param document - a restored document
 * @returns the file's text
 * @example
 * readDocumentText(serializeDocument(doc), catalogue); // { ok: true, document: doc, problems: [] }
 */
export function serializeDocument(document: TopologyDocument): string {
  return documentText(document as unknown as Readonly<Record<string, unknown>>);
}
