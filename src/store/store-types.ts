/**
 * The store's shape: one interface per slice (zustand's "slices pattern"), composed into
 * `AppState` by `createAppStore`. Kept apart from the slices so each slice file can type itself
 * against the whole state without importing the others.
 */
import type { TemporalState } from 'zundo';
import type { StateCreator, StoreApi } from 'zustand/vanilla';
import type { Catalogue, EditionId, RoleId } from '@/domain/catalogue-types';
import type { Fix } from '@/domain/checks/finding';
import type {
  Box,
  DocumentContent,
  HostOptions,
  Position,
  TopologyDocument,
  ZoneKind,
} from '@/domain/document';
import type { Fragment } from '@/domain/edits/fragments';
import type { LayoutColumn } from '@/domain/layout-column';
import type { LinkPlaces } from '@/domain/link-places';
import type { ArrangeSlice } from './arrange-slice';
import type { CompareSlice } from './compare-slice';
import type { ShareSlice } from './share-slice';
import type {
  AutosaveCommands,
  AutosaveStatus,
  ConfirmRequest,
  MatrixSize,
  Notice,
  NoticeInput,
  SidePanel,
  Text,
} from './ui-types';

/** Size of a host on the canvas as React Flow measured it; kept so it is not re-measured on every change. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** A host field typed in the inspector. */
export type HostField = 'name' | 'fqdn' | 'ip' | 'site';

/** The document (undoable, saved) and the verbs that change it. */
export interface DocumentSlice extends DocumentContent {
  addHost(role: RoleId, position?: Position): string | undefined;
  addRoleToHost(hostId: string, role: RoleId): void;
  removeRole(hostId: string, role: RoleId): void;
  setRoles(hostId: string, roles: readonly RoleId[]): void;
  /** Sets a text field after checking it; returns why it was refused. */
  setHostField(hostId: string, field: HostField, value: string): Text | undefined;
  setHostZone(hostId: string, zone: string | undefined): void;
  /** Sets role options (PXE, multicast, site type, parent site, note 5); returns why it was refused. */
  setHostOptions(hostId: string, patch: Partial<HostOptions>): Text | undefined;
  /** Sets or clears (both undefined) a host's own WSUS port pair. */
  setHostWsusPorts(hostId: string, http: string | undefined, https: string | undefined): Text | undefined;
  connectHosts(source: string, target: string): { ok: true; id: string } | { ok: false; reason: Text };
  /** What drawing a link does: connect and select it, or tell the user why it was refused. */
  linkHosts(source: string, target: string): boolean;
  removeElements(hostIds: readonly string[], linkIds: readonly string[]): void;
  moveHosts(positions: Readonly<Record<string, Position>>): void;
  /** Starts a drag: history pauses so a drag of forty frames is one undo step. */
  beginDrag(): void;
  endDrag(): void;
  /**
   * Moves hosts to the automatic layout's positions as one undo step and asks the canvas to fit
   * the diagram. `sameStep` folds the move into the last undo step instead (a document laid out
   * right after it was opened). Returns false when no host moved.
   */
  applyLayout(
    positions: Readonly<Record<string, Position>>,
    options?: { readonly sameStep?: boolean; readonly zoneBoxes?: Readonly<Record<string, Box>> },
  ): boolean;
  /**
   * Applies a finding's fix as one undo step, selects what it added and shows it. Returns false
   * when the fix no longer fits the document (nothing changes).
   */
  applyFix(fix: Fix): boolean;
  renameDocument(name: string): void;
  /**
   * Replaces the document (one undo step); `found`: where its links' ends are, and its hosts'
   * positions in host order, when the reader knows them.
   */
  replaceDocument(
    document: TopologyDocument,
    found?: { readonly places: LinkPlaces; readonly column?: LayoutColumn },
  ): void;
  mergeDocument(document: TopologyDocument): void;
  undo(): void;
  redo(): void;
}

/** The fields of a zone the inspector sets. */
export interface ZonePatch {
  readonly name?: string;
  readonly kind?: ZoneKind;
  readonly colour?: string | undefined;
  readonly cidrs?: readonly string[];
}

/** Zones on the canvas: drawn, moved, resized, recoloured and deleted, each one undo step. */
export interface ZoneSlice {
  /** Adds an empty zone with this box (or centred in the view) and selects it; returns its id. */
  addZone(box?: Box, kind?: ZoneKind): string;
  /** Draws a zone around the selected hosts and puts them in it; undefined when none is selected. */
  zoneAroundSelection(kind?: ZoneKind): string | undefined;
  /** Sets a zone's name, kind, colour or address ranges; returns why it was refused. */
  updateZone(id: string, patch: ZonePatch): Text | undefined;
  /** Moves a zone with its hosts and nested zones (its new top-left corner, absolute). */
  moveZoneTo(id: string, to: Position): void;
  /** Gives a zone a new box; hosts inside it now join it, hosts outside leave it. */
  resizeZoneTo(id: string, box: Box): void;
  /** Deletes zones; their hosts stay and move up to the parent zone. */
  deleteZones(ids: readonly string[]): void;
  /** Fits a zone's box around its hosts and nested zones. */
  fitZoneToHosts(id: string): void;
  /** Makes one zone the selection and shows it in the inspector. */
  selectZone(id: string): void;
  /** Puts a host in a zone and moves it inside the zone's box (what an address's zone offer does). */
  moveHostIntoZone(hostId: string, zoneId: string): void;
}

/** What is selected, copied and asked to be shown. Never saved or undone. */
export interface SelectionSlice {
  readonly selectedHostIds: readonly string[];
  readonly selectedLinkIds: readonly string[];
  readonly selectedZoneIds: readonly string[];
  /**
   * Bumped to ask the canvas to bring nodes into view: a link's hosts (a matrix row was clicked),
   * or what a finding concerns (a problem was clicked). Ids may name ghost placeholders.
   */
  readonly reveal: { readonly nodeIds: readonly string[]; readonly seq: number } | null;
  readonly clipboard: Fragment | null;
  select(hostIds: readonly string[], linkIds: readonly string[]): void;
  changeSelection(
    kind: 'host' | 'link' | 'zone',
    changes: readonly { id: string; selected: boolean }[],
  ): void;
  removeSelection(): void;
  /** Selects a link and asks the canvas to show it. */
  revealLink(linkId: string): void;
  /**
   * Selects hosts and links and asks the canvas to centre on them and on `alsoShow` (placeholders);
   * the side panel stays as it is, so a list of problems can be worked through.
   */
  revealElements(hostIds: readonly string[], linkIds: readonly string[], alsoShow?: readonly string[]): void;
  copySelection(): number;
  paste(): number;
  /**
   * Copies the selected hosts (and the links among them) beside the originals, with new names and
   * no IP address or FQDN, as one undo step; the copies become the selection and the clipboard is
   * left as it was (as in draw.io). Returns how many hosts were made.
   */
  duplicateSelection(): number;
}

/** The site settings of the document (ports, ranges, flags, lists), each checked before it is set. */
export interface SettingsSlice {
  setPort(key: string, input: string): Text | undefined;
  setWsusPorts(http: string, https: string): Text | undefined;
  setRange(key: string, input: string): Text | undefined;
  setFlag(key: string, value: boolean): void;
  setSupplementary(listId: string, on: boolean): void;
  /**
   * Derives the document with another edition of the port document, as one undo step: the settings
   * move to that edition (shared values kept, new ones defaulted); hosts keep every role.
   */
  switchEdition(edition: EditionId): void;
}

/** How the app looks right now: sizes, view, panels. Never saved or undone (ARCHITECTURE example 5). */
export interface UiSlice {
  readonly measured: Readonly<Record<string, Size>>;
  /** Centre of the visible canvas in flow coordinates: where a clicked palette role lands. */
  readonly viewCenter: Position;
  /** Bumped to ask the canvas to fit the whole diagram (a document was opened or added). */
  readonly fitRequest: number;
  /**
   * Where the links' ends are in the host list, as the reading worker found them for an opened
   * file; read only while `hosts` and `links` are still those very lists (link-places.ts).
   */
  readonly linkPlaces: LinkPlaces | null;
  /**
   * The hosts' positions in host order, as the reading worker gave them for an opened file; read
   * only while `hosts` and `layout` are still those very lists (layout-column.ts).
   */
  readonly layoutColumn: LayoutColumn | null;
  readonly sidePanel: SidePanel;
  readonly matrixSize: MatrixSize;
  /** The diagram is being drawn to an image: links show their full labels at natural size. */
  readonly capturing: boolean;
  setMeasured(sizes: Readonly<Record<string, Size>>): void;
  setViewCenter(center: Position): void;
  setSidePanel(panel: SidePanel): void;
  setMatrixSize(size: MatrixSize): void;
  setCapturing(on: boolean): void;
}

/** What the file side of the app tells the user: notices, questions, the autosave's state. */
export interface FilesSlice {
  readonly notices: readonly Notice[];
  /** The question on screen. */
  readonly confirm: ConfirmRequest | null;
  /** Questions asked while another was on screen, in the order asked: each shows in turn. */
  readonly confirmsWaiting: readonly ConfirmRequest[];
  readonly autosave: AutosaveStatus;
  readonly autosaveCommands: AutosaveCommands | null;
  notify(notice: NoticeInput): number;
  dismissNotice(id: number): void;
  /** Asks now, or once the questions before it are answered (none replaces another). */
  askConfirm(request: ConfirmRequest): void;
  /** Takes a question back unanswered, whether on screen or waiting; the next one shows. */
  withdrawConfirm(request: ConfirmRequest): void;
  answerConfirm(ok: boolean): void;
  setAutosave(status: AutosaveStatus, commands?: AutosaveCommands | null): void;
}

/**
 * The port catalogue of the edition the document names. Not UI state and not part of the
 * document: it follows `settings.edition` in the same update (an edition switch, an opened file,
 * undo), and components read it through `useCatalogue()`.
 */
export interface CatalogueField {
  readonly catalogue: Catalogue;
  /** The catalogue of an edition, the same object each time (derivers are kept per catalogue). */
  readonly catalogueOf: (edition: EditionId) => Catalogue;
}

export type AppState = DocumentSlice &
  ZoneSlice &
  ArrangeSlice &
  SelectionSlice &
  SettingsSlice &
  UiSlice &
  FilesSlice &
  ShareSlice &
  CompareSlice &
  CatalogueField;

export interface StoreOptions {
  /** A catalogue to use for documents of its edition instead of the shipped one (tests). */
  readonly catalogue?: Catalogue;
  readonly notices?: readonly NoticeInput[];
  readonly autosave?: AutosaveStatus;
  /** Undo steps kept. */
  readonly historyLimit?: number;
}

/** A slice of the store, created inside zundo's `temporal` (its `set` records undo steps). */
export type SliceCreator<T> = StateCreator<AppState, [['temporal', unknown]], [], T>;

/** The undo history of the store a slice lives in (zundo puts it on the store as `temporal`). */
export function historyOf(store: StoreApi<AppState>): StoreApi<TemporalState<DocumentContent>> {
  return (store as unknown as { temporal: StoreApi<TemporalState<DocumentContent>> }).temporal;
}
