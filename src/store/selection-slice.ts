/**
 * The selection slice: what is selected, what the canvas is asked to show, and the clipboard.
 * Never saved or undone; a paste is a document change and is undone like one.
 */
import { copyFragment, pasteNear } from '@/domain/edits/fragments';
import { removeElements } from '@/domain/edits/host-edits';
import { deleteZone } from '@/domain/zones/zone-edits';
import { commitDocument } from './document-state';
import type { AppState, SelectionSlice, SliceCreator } from './store-types';

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => {
  return {
    selectedHostIds: [],
    selectedLinkIds: [],
    selectedZoneIds: [],
    reveal: null,
    clipboard: null,

    select(hostIds, linkIds) {
      const any = hostIds.length + linkIds.length > 0;
      set({
        selectedHostIds: [...hostIds],
        selectedLinkIds: [...linkIds],
        selectedZoneIds: [],
        ...(any ? { sidePanel: 'inspector' as const } : {}),
      });
    },
    changeSelection(kind, changes) {
      const key =
        kind === 'host' ? 'selectedHostIds' : kind === 'link' ? 'selectedLinkIds' : 'selectedZoneIds';
      const current = new Set(get()[key]);
      for (const c of changes) {
        if (c.selected) current.add(c.id);
        else current.delete(c.id);
      }
      const next = [...current];
      const old = get()[key];
      if (next.length === old.length && next.every((id, i) => old[i] === id)) return;
      const picked = changes.some((c) => c.selected);
      set({ [key]: next, ...(picked ? { sidePanel: 'inspector' } : {}) } as Partial<AppState>);
    },
    removeSelection() {
      const { selectedHostIds, selectedLinkIds, selectedZoneIds } = get();
      if (selectedZoneIds.length === 0) {
        get().removeElements(selectedHostIds, selectedLinkIds);
        return;
      }
      // Zones go with the hosts and links in one undo step; a zone's hosts stay unless selected too.
      const state = get();
      const doc = selectedZoneIds.reduce(
        (d, id) => deleteZone(d, id),
        removeElements(state, selectedHostIds, selectedLinkIds),
      );
      commitDocument(set, doc, { selectedHostIds: [], selectedLinkIds: [], selectedZoneIds: [] });
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
        ...(nodeIds.size > 0 ? { reveal: { nodeIds: [...nodeIds], seq: (state.reveal?.seq ?? 0) + 1 } } : {}),
      });
    },
    copySelection() {
      const fragment = copyFragment(get(), get().selectedHostIds);
      set({ clipboard: fragment });
      return fragment?.hosts.length ?? 0;
    },
    paste() {
      const { clipboard } = get();
      if (!clipboard) return 0;
      // In free space near the middle of the view: each paste finds its own spot, never on a host.
      const result = pasteNear(get(), clipboard, get().viewCenter);
      commitDocument(set, result.doc, { selectedHostIds: result.hostIds, selectedLinkIds: result.linkIds });
      return result.hostIds.length;
    },
    duplicateSelection() {
      const state = get();
      const fragment = copyFragment(state, state.selectedHostIds);
      if (!fragment) return 0;
      const result = pasteNear(state, fragment);
      commitDocument(set, result.doc, { selectedHostIds: result.hostIds, selectedLinkIds: result.linkIds });
      return result.hostIds.length;
    },
  };
};
