/**
 * The share slice: where live editing stands (issue 16), for the toolbar's Share button, the
 * connection banner and the presence layer. UI state: never saved, never undone. The connection
 * itself (room, session, presence) lives in the share controller; this is what the UI reads.
 */

import type { RoomStatus } from '@/sync/browser-room';
import type { PeerPresence } from '@/sync/presence-session';
import type { SliceCreator } from './store-types';

/** Undo and redo of a shared session: only this user's own changes. */
export interface SharedHistory {
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
}

export interface ShareState {
  /** `off`: not in a room; else the room connection's status. */
  readonly status: 'off' | RoomStatus;
  readonly access: 'edit' | 'read-only';
  /** The links to hand out: `edit` only to who may edit (absent on a read-only link). */
  readonly links?: { readonly edit?: string; readonly view: string };
  /** Everyone else in the room. */
  readonly peers: readonly PeerPresence[];
  /** Bumped when the shared history changes, so undo buttons re-read it. */
  readonly historyVersion: number;
  /**
   * Joined by a link: the diagram shown is the room's, and this tab's own diagram waits aside
   * until leaving, so the autosave must not store the room's over it.
   */
  readonly keepsOwn: boolean;
}

/**
 * This tab and the app's other tabs in this browser (no room): `alone` saves as one writer;
 * `joining` is asking the others for the diagram; `linked` merges every edit with theirs, so
 * another tab's autosave is the same diagram, not a rival copy.
 */
export type TabsState = 'alone' | 'joining' | 'linked';

export interface ShareSlice {
  readonly share: ShareState;
  readonly tabs: TabsState;
  /** Sets how this tab stands with the others; `history` is the linked session's undo (or none). */
  setTabs(tabs: TabsState, history?: SharedHistory | null): void;
  /** Set while in a room: undo and redo go to the shared session. */
  readonly sharedHistory: SharedHistory | undefined;
  setShare(patch: Partial<ShareState>, history?: SharedHistory | null): void;
  /** Where the canvas sends this user's pointer while in a room (set by the share controller). */
  readonly sharePointer: ((at: { readonly x: number; readonly y: number } | undefined) => void) | undefined;
  setSharePointer(sink: ShareSlice['sharePointer']): void;
}

export const SHARE_OFF: ShareState = {
  status: 'off',
  access: 'edit',
  peers: [],
  historyVersion: 0,
  keepsOwn: false,
};

export const createShareSlice: SliceCreator<ShareSlice> = (set, get) => ({
  share: SHARE_OFF,
  tabs: 'alone',
  sharedHistory: undefined,
  sharePointer: undefined,
  setTabs(tabs, history) {
    set({ tabs, ...(history === undefined ? {} : { sharedHistory: history ?? undefined }) });
  },
  setSharePointer(sink) {
    set({ sharePointer: sink });
  },
  setShare(patch, history) {
    set({
      // Leaving (status off) starts from nothing: no links or people of the room stay behind.
      share: patch.status === 'off' ? { ...SHARE_OFF, ...patch } : { ...get().share, ...patch },
      ...(history === undefined ? {} : { sharedHistory: history ?? undefined }),
    });
  },
});
