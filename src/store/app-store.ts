import { temporal } from 'zundo';
import { createStore } from 'zustand/vanilla';
import type { Catalogue, PortRange, RoleId } from '@/domain/catalogue-types';
import { applyFix as applyDomainFix } from '@/domain/checks/apply-fix';
import type { Fix } from '@/domain/checks/finding';
import { catalogue as defaultCatalogue } from '@/domain/default-catalogue';
import {
  DOCUMENT_FORMAT,
  DOCUMENT_VERSION,
  type Host,
  type HostOptions,
  type Position,
  type TopologyDocument,
} from '@/domain/document';
import { checkIp } from '@/domain/ip';
import { checkWsusPair, parsePort, withPort, withPorts, withRange } from '@/domain/settings';
import {
  addHost,
  addRole,
  connectHosts,
  copyFragment,
  type DocumentSlice,
  type Fragment,
  mergeDocument,
  pasteFragment,
  removeElements,
  updateHost,
} from './document-ops';
import type {
  AutosaveCommands,
  AutosaveStatus,
  ConfirmRequest,
  MatrixSize,
  Notice,
  NoticeInput,
  SidePanel,
} from './ui-types';
import { checkFqdn, checkHostName, checkSiteCode } from './validators';

/** Size of a host on the canvas as React Flow measured it; kept so it is not re-measured on every change. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface UiSlice {
  readonly catalogue: Catalogue;
  readonly selectedHostIds: readonly string[];
  readonly selectedLinkIds: readonly string[];
  readonly measured: Readonly<Record<string, Size>>;
  /** Centre of the visible canvas in flow coordinates: where a clicked palette role lands. */
  readonly viewCenter: Position;
  /**
   * Bumped to ask the canvas to bring nodes into view: a link's hosts (a matrix row was clicked),
   * or what a finding concerns (a problem was clicked). Ids may name ghost placeholders.
   */
  readonly reveal: { readonly nodeIds: readonly string[]; readonly seq: number } | null;
  /** Bumped to ask the canvas to fit the whole diagram (a document was opened or added). */
  readonly fitRequest: number;
  readonly sidePanel: SidePanel;
  readonly matrixSize: MatrixSize;
  readonly notices: readonly Notice[];
  readonly confirm: ConfirmRequest | null;
  readonly autosave: AutosaveStatus;
  readonly autosaveCommands: AutosaveCommands | null;
  readonly clipboard: Fragment | null;
  /** The diagram is being drawn to an image: links show their full labels at natural size. */
  readonly capturing: boolean;
}

/** A host field typed in the inspector. */
export type HostField = 'name' | 'fqdn' | 'ip' | 'site';

export interface Actions {
  addHost(role: RoleId, position?: Position): string | undefined;
  addRoleToHost(hostId: string, role: RoleId): void;
  removeRole(hostId: string, role: RoleId): void;
  setRoles(hostId: string, roles: readonly RoleId[]): void;
  /** Sets a text field after checking it; returns why it was refused. */
  setHostField(hostId: string, field: HostField, value: string): string | undefined;
  setHostZone(hostId: string, zone: string | undefined): void;
  /** Sets role options (PXE, multicast, site type, parent site, note 5); returns why it was refused. */
  setHostOptions(hostId: string, patch: Partial<HostOptions>): string | undefined;
  /** Sets or clears (both undefined) a host's own WSUS port pair. */
  setHostWsusPorts(hostId: string, http: string | undefined, https: string | undefined): string | undefined;
  connectHosts(source: string, target: string): { ok: true; id: string } | { ok: false; reason: string };
  /** What drawing a link does: connect and select it, or tell the user why it was refused. */
  linkHosts(source: string, target: string): boolean;
  removeElements(hostIds: readonly string[], linkIds: readonly string[]): void;
  removeSelection(): void;
  moveHosts(positions: Readonly<Record<string, Position>>): void;
  /** Starts a drag: history pauses so a drag of forty frames is one undo step. */
  beginDrag(): void;
  endDrag(): void;
  setMeasured(sizes: Readonly<Record<string, Size>>): void;
  select(hostIds: readonly string[], linkIds: readonly string[]): void;
  changeSelection(kind: 'host' | 'link', changes: readonly { id: string; selected: boolean }[]): void;
  /** Selects a link and asks the canvas to show it. */
  revealLink(linkId: string): void;
  /**
   * Selects hosts and links and asks the canvas to centre on them and on `alsoShow` (placeholders);
   * the side panel stays as it is, so a list of problems can be worked through.
   */
  revealElements(hostIds: readonly string[], linkIds: readonly string[], alsoShow?: readonly string[]): void;
  /**
   * Applies a finding's fix as one undo step, selects what it added and shows it. Returns false
   * when the fix no longer fits the document (nothing changes).
   */
  applyFix(fix: Fix): boolean;
  copySelection(): number;
  paste(): number;
  setPort(key: string, input: string): string | undefined;
  setWsusPorts(http: string, https: string): string | undefined;
  setRange(key: string, input: string): string | undefined;
  setFlag(key: string, value: boolean): void;
  setSupplementary(listId: string, on: boolean): void;
  renameDocument(name: string): void;
  replaceDocument(document: TopologyDocument): void;
  mergeDocument(document: TopologyDocument): void;
  undo(): void;
  redo(): void;
  notify(notice: NoticeInput): number;
  dismissNotice(id: number): void;
  askConfirm(request: ConfirmRequest): void;
  answerConfirm(ok: boolean): void;
  setAutosave(status: AutosaveStatus, commands?: AutosaveCommands | null): void;
  setViewCenter(center: Position): void;
  setSidePanel(panel: SidePanel): void;
  setMatrixSize(size: MatrixSize): void;
  setCapturing(on: boolean): void;
}

export type AppState = DocumentSlice & UiSlice & Actions;

export interface StoreOptions {
  readonly catalogue?: Catalogue;
  readonly notices?: readonly NoticeInput[];
  readonly autosave?: AutosaveStatus;
  /** Undo steps kept. */
  readonly historyLimit?: number;
}

const DOCUMENT_KEYS = ['name', 'description', 'hosts', 'links', 'zones', 'settings', 'layout'] as const;

/** What the undo history records: the document, never selection, sizes or panels. */
export function documentSlice(state: DocumentSlice): DocumentSlice {
  return {
    name: state.name,
    description: state.description,
    hosts: state.hosts,
    links: state.links,
    zones: state.zones,
    settings: state.settings,
    layout: state.layout,
  };
}

/** True when two document slices hold the same parts (by reference: every change makes new objects). */
export function sameDocument(a: Partial<DocumentSlice>, b: Partial<DocumentSlice>): boolean {
  return DOCUMENT_KEYS.every((key) => a[key] === b[key]);
}

/** The state as a document to save, export or autosave. */
export function toDocument(state: DocumentSlice): TopologyDocument {
  const { description, ...rest } = documentSlice(state);
  return {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    ...rest,
    ...(description === undefined ? {} : { description }),
  };
}

function fromDocument(document: TopologyDocument): DocumentSlice {
  const { format: _format, version: _version, ...rest } = document;
  return { description: undefined, ...rest };
}

const PASTE_OFFSET = 40;

/**
 * Creates the app's store: the document (undoable) beside UI state (not undoable, never saved).
 * Tests make a fresh store per case.
 */
export function createAppStore(initial: TopologyDocument, options: StoreOptions = {}) {
  const catalogue = options.catalogue ?? defaultCatalogue;
  let noticeSeq = 0;
  let dragOrigin: DocumentSlice | null = null;
  let pasteCount = 0;

  const store = createStore<AppState>()(
    temporal(
      (set, get) => {
        /** Applies a document change; selection is cleaned of ids that no longer exist. */
        const commit = (doc: DocumentSlice, extra: Partial<UiSlice> = {}) => {
          set({ ...documentSlice(doc), ...extra });
        };
        const hostById = (id: string) => get().hosts.find((h) => h.id === id);
        const changeHost = (id: string, change: (h: Host) => Host) => commit(updateHost(get(), id, change));

        const initialNotices: Notice[] = (options.notices ?? []).map((n) => ({ ...n, id: ++noticeSeq }));

        return {
          ...fromDocument(initial),
          catalogue,
          selectedHostIds: [],
          selectedLinkIds: [],
          measured: {},
          viewCenter: { x: 0, y: 0 },
          reveal: null,
          fitRequest: 0,
          sidePanel: 'inspector',
          matrixSize: 'normal',
          notices: initialNotices,
          confirm: null,
          autosave: options.autosave ?? { mode: 'disabled' },
          autosaveCommands: null,
          clipboard: null,
          capturing: false,

          addHost(roleId, position) {
            const role = catalogue.roleById.get(roleId);
            if (!role) return undefined;
            const state = get();
            let p = position;
            if (!p) {
              // Centre of the view, nudged until it does not cover another host exactly.
              p = { x: Math.round(state.viewCenter.x - 80), y: Math.round(state.viewCenter.y - 30) };
              const taken = Object.values(state.layout);
              while (
                taken.some(
                  (q) => Math.abs(q.x - (p as Position).x) < 8 && Math.abs(q.y - (p as Position).y) < 8,
                )
              )
                p = { x: p.x + 32, y: p.y + 32 };
            }
            const { doc, id } = addHost(state, role, p);
            commit(doc, { selectedHostIds: [id], selectedLinkIds: [], sidePanel: 'inspector' });
            return id;
          },
          addRoleToHost(hostId, role) {
            commit(addRole(get(), hostId, role));
          },
          removeRole(hostId, role) {
            changeHost(hostId, (h) =>
              h.roles.includes(role) ? { ...h, roles: h.roles.filter((r) => r !== role) } : h,
            );
          },
          setRoles(hostId, roles) {
            changeHost(hostId, (h) => ({ ...h, roles: [...new Set(roles)] }));
          },
          setHostField(hostId, field, value) {
            const host = hostById(hostId);
            if (!host) return 'That host no longer exists';
            const problem =
              field === 'name'
                ? checkHostName(value)
                : field === 'ip'
                  ? checkIp(value)
                  : field === 'site'
                    ? checkSiteCode(value)
                    : checkFqdn(value);
            if (problem) return problem;
            const text =
              field === 'name' ? value : field === 'site' ? value.trim().toUpperCase() : value.trim();
            if ((host[field] ?? '') === text) return undefined;
            changeHost(hostId, (h) => {
              if (field === 'name') return { ...h, name: text };
              const { [field]: _old, ...rest } = h;
              return text === '' ? (rest as Host) : { ...h, [field]: text };
            });
            return undefined;
          },
          setHostZone(hostId, zone) {
            changeHost(hostId, (h) => {
              if (h.zone === zone) return h;
              const { zone: _old, ...rest } = h;
              return zone ? { ...rest, zone } : rest;
            });
          },
          setHostOptions(hostId, patch) {
            if (patch.parentSite !== undefined) {
              const problem = checkSiteCode(patch.parentSite);
              if (problem) return problem;
            }
            changeHost(hostId, (h) => {
              const options: Record<string, unknown> = { ...h.options };
              for (const [key, value] of Object.entries(patch)) {
                const cleared =
                  value === undefined ||
                  value === false ||
                  (typeof value === 'string' && value.trim() === '');
                if (cleared) delete options[key];
                else options[key] = key === 'parentSite' ? String(value).trim().toUpperCase() : value;
              }
              return { ...h, options: options as HostOptions };
            });
            return undefined;
          },
          setHostWsusPorts(hostId, http, https) {
            if (http === undefined && https === undefined) {
              changeHost(hostId, (h) => {
                const { wsusHttp: _a, wsusHttps: _b, ...options } = h.options;
                return { ...h, options };
              });
              return undefined;
            }
            const h = parsePort(http ?? '');
            if (!h.ok) return `HTTP: ${h.error}`;
            const s = parsePort(https ?? '');
            if (!s.ok) return `HTTPS: ${s.error}`;
            const pair = checkWsusPair(h.value, s.value);
            if (pair) return pair;
            changeHost(hostId, (host) => ({
              ...host,
              options: { ...host.options, wsusHttp: h.value, wsusHttps: s.value },
            }));
            return undefined;
          },
          connectHosts(source, target) {
            const result = connectHosts(get(), source, target, catalogue);
            if (!result.ok) return result;
            commit(result.doc);
            return { ok: true, id: result.id };
          },
          linkHosts(source, target) {
            const result = get().connectHosts(source, target);
            if (!result.ok) {
              get().notify({ tone: 'warning', title: result.reason });
              return false;
            }
            get().select([], [result.id]);
            return true;
          },
          removeElements(hostIds, linkIds) {
            const state = get();
            const next = removeElements(state, hostIds, linkIds);
            if (next === state) return;
            const hosts = new Set(next.hosts.map((h) => h.id));
            const links = new Set(next.links.map((l) => l.id));
            commit(next, {
              selectedHostIds: state.selectedHostIds.filter((id) => hosts.has(id)),
              selectedLinkIds: state.selectedLinkIds.filter((id) => links.has(id)),
            });
          },
          removeSelection() {
            const { selectedHostIds, selectedLinkIds } = get();
            get().removeElements(selectedHostIds, selectedLinkIds);
          },
          moveHosts(positions) {
            const { layout } = get();
            let changed = false;
            const next = { ...layout };
            for (const [id, p] of Object.entries(positions)) {
              const old = layout[id];
              if (old && old.x === p.x && old.y === p.y) continue;
              next[id] = { x: p.x, y: p.y };
              changed = true;
            }
            if (changed) set({ layout: next });
          },
          beginDrag() {
            if (dragOrigin) return;
            dragOrigin = documentSlice(get());
            store.temporal.getState().pause();
          },
          endDrag() {
            const origin = dragOrigin;
            if (!origin) return;
            dragOrigin = null;
            const finalLayout = get().layout;
            // Put the pre-drag layout back while paused, then apply the final one tracked:
            // zundo records exactly one step, from before the drag to after it.
            set({ layout: origin.layout });
            store.temporal.getState().resume();
            if (finalLayout !== origin.layout) set({ layout: finalLayout });
          },
          setMeasured(sizes) {
            const { measured } = get();
            const changed = Object.entries(sizes).filter(
              ([id, s]) => measured[id]?.width !== s.width || measured[id]?.height !== s.height,
            );
            if (changed.length > 0) set({ measured: { ...measured, ...Object.fromEntries(changed) } });
          },
          select(hostIds, linkIds) {
            const any = hostIds.length + linkIds.length > 0;
            set({
              selectedHostIds: [...hostIds],
              selectedLinkIds: [...linkIds],
              ...(any ? { sidePanel: 'inspector' as const } : {}),
            });
          },
          changeSelection(kind, changes) {
            const key = kind === 'host' ? 'selectedHostIds' : 'selectedLinkIds';
            const current = new Set(get()[key]);
            for (const c of changes) {
              if (c.selected) current.add(c.id);
              else current.delete(c.id);
            }
            const next = [...current];
            const old = get()[key];
            if (next.length === old.length && next.every((id, i) => old[i] === id)) return;
            const picked = changes.some((c) => c.selected);
            set({ [key]: next, ...(picked ? { sidePanel: 'inspector' } : {}) } as Partial<UiSlice>);
          },
          revealLink(linkId) {
            const seq = (get().reveal?.seq ?? 0) + 1;
            const link = get().links.find((l) => l.id === linkId);
            set({
              selectedHostIds: [],
              selectedLinkIds: [linkId],
              reveal: { nodeIds: link ? [link.source, link.target] : [], seq },
              sidePanel: 'inspector',
            });
          },
          revealElements(hostIds, linkIds, alsoShow = []) {
            const state = get();
            const hosts = new Set(state.hosts.map((h) => h.id));
            const liveHosts = hostIds.filter((id) => hosts.has(id));
            const liveLinks = state.links.filter((l) => linkIds.includes(l.id));
            const nodeIds = new Set([...liveHosts, ...alsoShow]);
            for (const l of liveLinks) {
              nodeIds.add(l.source);
              nodeIds.add(l.target);
            }
            set({
              selectedHostIds: liveHosts,
              selectedLinkIds: liveLinks.map((l) => l.id),
              ...(nodeIds.size > 0
                ? { reveal: { nodeIds: [...nodeIds], seq: (state.reveal?.seq ?? 0) + 1 } }
                : {}),
            });
          },
          applyFix(fix) {
            const state = get();
            const before = toDocument(state);
            const after = applyDomainFix(before, fix, catalogue);
            if (after === before) return false;
            const oldHosts = new Set(before.hosts.map((h) => h.id));
            const oldLinks = new Set(before.links.map((l) => l.id));
            const newHosts = after.hosts.filter((h) => !oldHosts.has(h.id)).map((h) => h.id);
            const newLinks = after.links.filter((l) => !oldLinks.has(l.id));
            // A new host is selected alone (its inspector shows its links); otherwise what changed.
            const selectedHostIds =
              newHosts.length > 0 ? newHosts : fix.kind === 'add-role' ? [fix.host] : [];
            const selectedLinkIds = newHosts.length > 0 ? [] : newLinks.map((l) => l.id);
            const nodeIds = new Set(selectedHostIds);
            for (const l of newLinks) {
              nodeIds.add(l.source);
              nodeIds.add(l.target);
            }
            // One set: one undo step, whatever the fix touched.
            commit(fromDocument(after), {
              selectedHostIds,
              selectedLinkIds,
              reveal: { nodeIds: [...nodeIds], seq: (state.reveal?.seq ?? 0) + 1 },
            });
            return true;
          },
          copySelection() {
            const fragment = copyFragment(get(), get().selectedHostIds);
            pasteCount = 0;
            set({ clipboard: fragment });
            return fragment?.hosts.length ?? 0;
          },
          paste() {
            const { clipboard } = get();
            if (!clipboard) return 0;
            pasteCount += 1;
            const offset = { x: PASTE_OFFSET * pasteCount, y: PASTE_OFFSET * pasteCount };
            const result = pasteFragment(get(), clipboard, offset);
            commit(result.doc, { selectedHostIds: result.hostIds, selectedLinkIds: result.linkIds });
            return result.hostIds.length;
          },
          setPort(key, input) {
            const result = withPort(get().settings, key, input);
            if (!result.ok) return result.error;
            if (result.value.ports[key] !== get().settings.ports[key]) set({ settings: result.value });
            return undefined;
          },
          setWsusPorts(http, https) {
            const result = withPorts(get().settings, { wsusHttp: http, wsusHttps: https });
            if (!result.ok) return result.error;
            set({ settings: result.value });
            return undefined;
          },
          setRange(key, input) {
            const result = withRange(get().settings, key, input);
            if (!result.ok) return result.error;
            const old: PortRange | undefined = get().settings.ranges[key];
            const value = result.value.ranges[key];
            if (old && value && old.from === value.from && old.to === value.to) return undefined;
            set({ settings: result.value });
            return undefined;
          },
          setFlag(key, value) {
            const { settings } = get();
            if (!Object.hasOwn(settings.flags, key) || settings.flags[key] === value) return;
            set({ settings: { ...settings, flags: { ...settings.flags, [key]: value } } });
          },
          setSupplementary(listId, on) {
            const { settings } = get();
            if (!catalogue.supplementaryLists.some((l) => l.id === listId)) return;
            const has = settings.supplementary.includes(listId);
            if (has === on) return;
            const supplementary = on
              ? catalogue.supplementaryLists
                  .map((l) => l.id)
                  .filter((id) => id === listId || settings.supplementary.includes(id))
              : settings.supplementary.filter((id) => id !== listId);
            set({ settings: { ...settings, supplementary } });
          },
          renameDocument(name) {
            const text = name.trim() === '' ? 'Untitled topology' : name;
            if (text !== get().name) set({ name: text });
          },
          replaceDocument(document) {
            commit(fromDocument(document), {
              selectedHostIds: [],
              selectedLinkIds: [],
              fitRequest: get().fitRequest + 1,
            });
          },
          mergeDocument(document) {
            const result = mergeDocument(get(), fromDocument(document));
            commit(result.doc, {
              selectedHostIds: result.hostIds,
              selectedLinkIds: [],
              fitRequest: get().fitRequest + 1,
            });
          },
          undo() {
            store.temporal.getState().undo();
          },
          redo() {
            store.temporal.getState().redo();
          },
          notify(notice) {
            const id = ++noticeSeq;
            set({ notices: [...get().notices, { ...notice, id }].slice(-6) });
            return id;
          },
          dismissNotice(id) {
            set({ notices: get().notices.filter((n) => n.id !== id) });
          },
          askConfirm(request) {
            set({ confirm: request });
          },
          answerConfirm(ok) {
            const request = get().confirm;
            set({ confirm: null });
            if (ok) request?.onConfirm();
            else request?.onCancel?.();
          },
          setAutosave(status, commands) {
            set(
              commands === undefined
                ? { autosave: status }
                : { autosave: status, autosaveCommands: commands },
            );
          },
          setViewCenter(center) {
            const old = get().viewCenter;
            if (old.x !== center.x || old.y !== center.y) set({ viewCenter: center });
          },
          setSidePanel(panel) {
            set({ sidePanel: panel });
          },
          setMatrixSize(size) {
            set({ matrixSize: size });
          },
          setCapturing(on) {
            set({ capturing: on });
          },
        };
      },
      {
        partialize: (state) => documentSlice(state),
        equality: sameDocument,
        limit: options.historyLimit ?? 200,
      },
    ),
  );
  return store;
}

export type AppStore = ReturnType<typeof createAppStore>;
