/**
 * The document slice: hosts, links, zones, settings and layout (undoable, saved) and the actions
 * that change their structure. The edits themselves are the domain's (src/domain/edits); this
 * slice adds what the app does around them: selection, view requests, one undo step per gesture.
 */
import { applyFix as applyDomainFix } from '@/domain/checks/apply-fix';
import type { DocumentContent, Position, TopologyDocument } from '@/domain/document';
import { mergeDocument } from '@/domain/edits/fragments';
import { addHost, addRole, connectHosts, removeElements } from '@/domain/edits/host-edits';
import { setPositions } from '@/domain/edits/layout-edits';
import { freeSpotNear } from '@/domain/placement';
import { assignZonesByPosition } from '@/domain/zones/zone-edits';
import { setZoneBoxes } from '@/domain/zones/zone-placement';
import { appI18n } from '@/i18n/app-i18n';
import { commitDocument, documentSlice, fromDocument, toDocument } from './document-state';
import { hostFieldActions } from './host-fields-slice';
import { type AppState, type DocumentSlice, historyOf, type SliceCreator } from './store-types';

/** Where a host added without a position goes: the centre of the view, or the nearest free spot. */
function centreSpot(center: Position, layout: Readonly<Record<string, Position>>): Position {
  return freeSpotNear(Object.values(layout), center);
}

/** The document slice for a store that starts with `initial`. */
export function createDocumentSlice(initial: TopologyDocument): SliceCreator<DocumentSlice> {
  return (set, get, api) => {
    let dragOrigin: DocumentContent | null = null;
    const commit = (doc: DocumentContent, extra: Partial<AppState> = {}) => commitDocument(set, doc, extra);

    return {
      ...fromDocument(initial),
      ...hostFieldActions(set, get),

      addHost(roleId, position) {
        const state = get();
        const role = state.catalogue.roleById.get(roleId);
        if (!role) return undefined;
        const spot = position ?? centreSpot(state.viewCenter, state.layout);
        const added = addHost(state, { role, position: spot });
        const id = added.id;
        // A host dropped inside a zone's box is in that zone.
        const doc = assignZonesByPosition(added.doc, [id], state.measured);
        commit(doc, { selectedHostIds: [id], selectedLinkIds: [], sidePanel: 'inspector' });
        return id;
      },
      addRoleToHost(hostId, role) {
        commit(addRole(get(), hostId, role));
      },
      connectHosts(source, target) {
        const result = connectHosts(get(), source, target, get().catalogue);
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
        historyOf(api).getState().pause();
      },
      endDrag() {
        const origin = dragOrigin;
        if (!origin) return;
        dragOrigin = null;
        const state = get();
        // A dropped host belongs to the zone its centre is in now (issue 12: drag into a zone).
        const moved = state.hosts.flatMap((h) => (state.layout[h.id] !== origin.layout[h.id] ? [h.id] : []));
        const final = assignZonesByPosition(documentSlice(state), moved, state.measured);
        // Put the pre-drag document back while paused, then apply the final one tracked:
        // zundo records exactly one step, from before the drag to after it.
        set({ layout: origin.layout, hosts: origin.hosts, zones: origin.zones });
        historyOf(api).getState().resume();
        if (final.layout !== origin.layout || final.hosts !== origin.hosts || final.zones !== origin.zones) {
          set({ layout: final.layout, hosts: final.hosts, zones: final.zones });
        }
      },
      applyLayout(positions, options = {}) {
        const state = get();
        const next = setZoneBoxes(setPositions(state, positions), options.zoneBoxes ?? {});
        const fitRequest = state.fitRequest + 1;
        if (next === state) {
          set({ fitRequest });
          return false;
        }
        if (!options.sameStep) {
          commit(next, { fitRequest });
          return true;
        }
        // Laid out right after a load: paused, the new layout joins the load's undo step, so one
        // Undo goes back to what was there before the load (as endDrag folds a drag into one step).
        historyOf(api).getState().pause();
        try {
          commit(next, { fitRequest });
        } finally {
          historyOf(api).getState().resume();
        }
        return true;
      },
      applyFix(fix) {
        const state = get();
        const before = toDocument(state);
        const after = applyDomainFix(before, fix, state.catalogue);
        if (after === before) return false;
        const oldHosts = new Set(before.hosts.map((h) => h.id));
        const oldLinks = new Set(before.links.map((l) => l.id));
        const newHosts = after.hosts.filter((h) => !oldHosts.has(h.id)).map((h) => h.id);
        const newLinks = after.links.filter((l) => !oldLinks.has(l.id));
        // A new host is selected alone (its inspector shows its links); otherwise what changed.
        const selectedHostIds = newHosts.length > 0 ? newHosts : fix.kind === 'add-role' ? [fix.host] : [];
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
      renameDocument(name) {
        const text = name.trim() === '' ? appI18n.t('store:file.untitled') : name;
        if (text !== get().name) set({ name: text });
      },
      replaceDocument(document, found) {
        commit(fromDocument(document), {
          linkPlaces: found?.places ?? null,
          layoutColumn: found?.column ?? null,
          selectedHostIds: [],
          selectedLinkIds: [],
          fitRequest: get().fitRequest + 1,
          // A comparison was with the diagram that is gone: another diagram ends it.
          comparison: null,
          compareDialogOpen: false,
          compareView: false,
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
      // In a shared room undo takes back only this user's changes (the session's history).
      undo() {
        const shared = get().sharedHistory;
        if (shared) shared.undo();
        else historyOf(api).getState().undo();
      },
      redo() {
        const shared = get().sharedHistory;
        if (shared) shared.redo();
        else historyOf(api).getState().redo();
      },
    };
  };
}
