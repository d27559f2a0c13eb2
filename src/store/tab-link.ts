/**
 * Two tabs of one browser edit one diagram: no last writer wins. A lone tab works as before (no
 * shared document, no cost). When a second tab opens, the first (the keeper: it holds a Web Lock)
 * puts its diagram into a Yjs document and links it with the newcomer over a BroadcastChannel; the
 * newcomer shows that diagram, and from then on every edit in either tab is merged into both,
 * and undo takes back only the tab's own steps. Only the keeper seeds, so two tabs that open at
 * once never put the same diagram in twice. A tab in a room (live editing) leaves the link.
 */
import type * as Y from 'yjs';
import type { Catalogue } from '@/domain/catalogue-types';
import type { TopologyDocument } from '@/domain/document';
import { message } from '@/domain/message';
import type { SharedSession } from '@/sync/shared-session';
import type { TabChannel } from '@/sync/tab-channel';
import type { AppStore } from './app-store';
import { toDocument } from './document-state';
import { storeView } from './shared-view';
import type { TabLinkDoc } from './tab-link-doc';

/** Yjs and the shared session load when a second tab opens (a lone tab never needs them). */
let docParts: Promise<TabLinkDoc> | undefined;
const loadDocParts = () => {
  docParts ??= import('./tab-link-doc').then(
    (m) => m.tabLinkDoc,
    (error: unknown) => {
      // The next tab that opens tries again (the page may have been offline).
      docParts = undefined;
      throw error;
    },
  );
  return docParts;
};

/** The part of the browser's LockManager (`navigator.locks`) this uses. */
export interface TabLocks {
  request(
    name: string,
    options: { readonly ifAvailable?: boolean; readonly signal?: AbortSignal },
    callback: (lock: unknown) => Promise<void> | void,
  ): Promise<unknown>;
}

export interface TabLinkDeps {
  readonly locks: TabLocks;
  /** The channels' and lock's base name: one per stored diagram. */
  readonly name: string;
  /** The catalogue another tab's document is restored with. */
  catalogueOf(document: TopologyDocument): Catalogue;
  /** How long a newcomer waits for an answer before asking again (ms), and how often it asks. */
  readonly retryMs?: number;
  readonly tries?: number;
}

export interface TabLink {
  /** Leaves the other tabs for good (the tab closes, or a test ends). */
  stop(): void;
}

type ControlMessage = { readonly kind: 'join' } | { readonly kind: 'ready' };

const kindOf = (data: unknown): ControlMessage['kind'] | undefined => {
  if (typeof data !== 'object' || data === null) return undefined;
  const { kind } = data as Record<string, unknown>;
  return kind === 'join' || kind === 'ready' ? kind : undefined;
};

/**
 * Starts linking this tab's store with the app's other tabs.
 *
 * @param store - The tab's store.
 * @param deps - The browser's locks, the names, and the catalogue lookup.
 * @returns The link; `stop` leaves it.
 * @example
 * startTabLink(store, { locks: navigator.locks, name: 'cm-port-planner/local', catalogueOf });
 */
export function startTabLink(store: AppStore, deps: TabLinkDeps): TabLink {
  const retryMs = deps.retryMs ?? 1000;
  const tries = deps.tries ?? 5;
  const lockName = `${deps.name}/keeper`;
  const control = new BroadcastChannel(`${deps.name}/tabs`);
  let active = false;
  let keeper = false;
  let release: (() => void) | undefined;
  let queued: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ydoc: Y.Doc | undefined;
  let link: TabChannel | undefined;
  let session: SharedSession | undefined;

  const notify = store.getState().notify;
  const hold = () =>
    new Promise<void>((resolve) => {
      keeper = true;
      release = () => {
        keeper = false;
        release = undefined;
        resolve();
      };
    });
  /** Waits to be the keeper when the present one closes or leaves (only linked tabs wait). */
  const queue = () => {
    queued = new AbortController();
    deps.locks
      .request(lockName, { signal: queued.signal }, () => (active ? hold() : undefined))
      .catch(() => {
        // Aborted on leaving: nothing to keep.
      });
  };

  const startSession = (parts: TabLinkDoc, doc: Y.Doc) => {
    session = parts.startSharedSession(doc, storeView(store), {
      catalogue: deps.catalogueOf(toDocument(store.getState())),
      onProblems: (problems, refused) =>
        notify({
          tone: 'warning',
          title: message(refused ? 'store:share.tabRefused' : 'store:share.tabRepaired'),
          details: problems,
        }),
      onHistory: () =>
        store.getState().setShare({ historyVersion: store.getState().share.historyVersion + 1 }),
    });
    store.getState().setTabs('linked', session);
  };
  const onBadUpdate = () => notify({ tone: 'warning', title: message('store:share.tabBadUpdate') });

  /** The keeper, asked by a newcomer: its diagram becomes the shared one. */
  const seed = (parts: TabLinkDoc) => {
    const doc = parts.newDoc();
    ydoc = doc;
    startSession(parts, doc);
    link = parts.linkTabs(doc, `${deps.name}/doc`, { onBadUpdate });
  };

  /** A newcomer: asks for the diagram and shows it when it comes. */
  const join = (parts: TabLinkDoc) => {
    const doc = parts.newDoc();
    ydoc = doc;
    store.getState().setTabs('joining');
    link = parts.linkTabs(doc, `${deps.name}/doc`, {
      onBadUpdate,
      answers: () => session !== undefined,
      onReply: () => {
        if (session || !active || parts.isSharedEmpty(doc)) return;
        clearTimeout(timer);
        startSession(parts, doc);
        queue();
      },
    });
    let asked = 0;
    const ask = () => {
      if (session || !active) return;
      if (asked++ >= tries) {
        // Nobody answers: this tab saves alone, and the autosave's "another tab saved" guards it.
        leave();
        return;
      }
      control.postMessage({ kind: 'join' });
      timer = setTimeout(ask, retryMs);
    };
    ask();
  };

  /** Each start counts: parts that arrive after the tab left (or left and came back) do nothing. */
  let round = 0;
  /** Runs `then` with Yjs and the session once they are here, if this tab is still in the same round. */
  const withParts = (then: (parts: TabLinkDoc) => void) => {
    const asked = round;
    loadDocParts().then(
      (parts) => {
        if (active && asked === round) then(parts);
      },
      () => {
        // Not loaded (the page went offline before a second tab opened): this tab saves alone.
        if (active && asked === round) leave();
      },
    );
  };

  control.onmessage = (event: MessageEvent) => {
    if (!active) return;
    const kind = kindOf(event.data);
    if (kind === 'join') {
      if (session) control.postMessage({ kind: 'ready' });
      else if (keeper)
        withParts((parts) => {
          if (!session && keeper) seed(parts);
          if (session) control.postMessage({ kind: 'ready' });
        });
    } else if (kind === 'ready' && !session) link?.hello();
  };

  const start = () => {
    active = true;
    round += 1;
    // Until the lock says whether another tab is here, another tab's save is not yet a rival: the
    // autosave holds it back and decides once this tab is linked (merged) or alone (a rival).
    store.getState().setTabs('joining');
    deps.locks
      .request(lockName, { ifAvailable: true }, (lock) => {
        if (!active) return undefined;
        if (lock) {
          store.getState().setTabs('alone');
          return hold();
        }
        withParts(join);
        return undefined;
      })
      .catch(() => {
        // No lock to be had: this tab saves alone.
      });
  };

  const leave = () => {
    active = false;
    clearTimeout(timer);
    queued?.abort();
    queued = undefined;
    release?.();
    const own = session !== undefined && store.getState().sharedHistory === session;
    session?.dispose();
    link?.close();
    ydoc?.destroy();
    session = undefined;
    link = undefined;
    ydoc = undefined;
    store.getState().setTabs('alone', own ? null : undefined);
  };

  // A room takes the store over; leaving a room joined by a link brings the local diagram back.
  const offShare = store.subscribe((state, previous) => {
    if (state.share.status !== 'off' && previous.share.status === 'off') leave();
    else if (state.share.status === 'off' && previous.share.status !== 'off' && previous.share.keepsOwn)
      start();
  });
  if (store.getState().share.status === 'off') start();

  return {
    stop() {
      offShare();
      leave();
      control.close();
    },
  };
}
