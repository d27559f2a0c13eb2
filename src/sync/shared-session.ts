/**
 * Binds a local document view (the app's store) to a shared Yjs document: local edits are written
 * into it as diffs, a peer's changes are read back through restoreDocument (never trusted as they
 * come), and undo is Yjs' UndoManager over the local changes only, so undoing never takes back what
 * someone else did. The view is an interface, so the binding is tested without React or a server.
 */
import * as Y from 'yjs';
import type { Catalogue } from '@/domain/catalogue-types';
import type { TopologyDocument } from '@/domain/document';
import type { Message } from '@/domain/message';
import { ENTITY_KINDS, type EntityKind } from '@/domain/shared-doc/shared-shape';
import { type LostIds, rehome } from './rehome';
import { fromShared, isSharedEmpty, SHARED_PARTS, writeShared } from './shared-doc';

/** What the binding needs from the app: the document, its changes, and a way to show a peer's. */
export interface DocumentView {
  read(): TopologyDocument;
  /** Calls back after every change of the document, local or applied. */
  subscribe(listener: () => void): () => void;
  /** Shows a document that came from the shared document; not a local undo step. */
  applyRemote(document: TopologyDocument): void;
  /** Whether a gesture (a drag) is open: its changes join one undo step until it ends. */
  gestureOpen(): boolean;
}

/** The origin of this tab's own transactions: the undo manager tracks these and no others. */
export const LOCAL_ORIGIN = Symbol('local edit');

export interface SharedSession {
  /** Undoes this user's last step (a peer's changes stay). */
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Writes pending local changes now (they are written once per task otherwise). */
  flush(): void;
  /** Stops listening; the shared document and the view stay as they are. */
  dispose(): void;
}

export interface SessionOptions {
  readonly catalogue: Catalogue;
  /** Problems found in what a peer wrote (repaired), or why it was refused (the view kept). */
  readonly onProblems?: (problems: readonly (Message | string)[], refused: boolean) => void;
  /** Called when the undo or redo stack changes, to refresh buttons. */
  readonly onHistory?: () => void;
  /**
   * A read-only link: nothing is written; a local change (the UI should not allow one) is taken
   * back by showing the room's diagram again.
   */
  readonly readOnly?: boolean;
  /** Runs a write later in the same task; tests may pass a synchronous runner. */
  readonly schedule?: (run: () => void) => void;
}

/**
 * Starts sharing a view through a Yjs document. An empty shared document receives the view's
 * document; a filled one replaces the view's (joining a room shows the room).
 *
 * @param ydoc - The shared document (from a provider, or a local one for a second tab).
 * @param view - The local document view.
 * @param options - The catalogue peers' documents are restored with, and callbacks.
 * @returns The session: undo/redo of own changes, flush, dispose.
 * @example
 * const session = startSharedSession(ydoc, storeView(store), { catalogue });
 * session.undo();
 */
export function startSharedSession(ydoc: Y.Doc, view: DocumentView, options: SessionOptions): SharedSession {
  const schedule = options.schedule ?? queueMicrotask;
  let applying = false;
  let pending = false;
  let disposed = false;

  // Entities of ours a peer's concurrent creation under the same id replaced (see rehome).
  let lost: Record<EntityKind, Set<string>> | undefined;
  const watchers = ENTITY_KINDS.map((kind) => {
    const map = ydoc.getMap<unknown>(kind);
    const watch = (event: Y.YMapEvent<unknown>) => {
      if (event.transaction.origin === LOCAL_ORIGIN) return;
      for (const [id, change] of event.changes.keys) {
        if (change.action !== 'update' || !(change.oldValue instanceof Y.Map)) continue;
        lost ??= { hosts: new Set(), links: new Set(), zones: new Set() };
        lost[kind].add(id);
      }
    };
    map.observe(watch);
    return () => map.unobserve(watch);
  });

  const readPeers = () => {
    const result = fromShared(ydoc, options.catalogue);
    if (!result.ok) {
      options.onProblems?.([result.error], true);
      return;
    }
    if (result.problems.length > 0) options.onProblems?.(result.problems, false);
    let document = result.document;
    if (lost) {
      const ids: LostIds = lost;
      lost = undefined;
      document = rehome(view.read(), document, ids);
      writeShared(ydoc, document, LOCAL_ORIGIN);
    }
    applying = true;
    try {
      view.applyRemote(document);
    } finally {
      applying = false;
    }
  };

  if (isSharedEmpty(ydoc) && !options.readOnly) writeShared(ydoc, view.read(), LOCAL_ORIGIN);
  else readPeers();

  const undoManager = new Y.UndoManager(
    SHARED_PARTS.map((name) => ydoc.getMap(name)),
    // Steps end where the app's own history would end one (see flush); time never joins two.
    { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: Number.MAX_SAFE_INTEGER },
  );

  const flush = () => {
    pending = false;
    if (disposed) return;
    if (options.readOnly) {
      readPeers();
      return;
    }
    writeShared(ydoc, view.read(), LOCAL_ORIGIN);
    if (!view.gestureOpen()) undoManager.stopCapturing();
  };

  const unsubscribe = view.subscribe(() => {
    if (applying || pending || disposed) return;
    pending = true;
    schedule(flush);
  });

  const onTransaction = (transaction: Y.Transaction) => {
    // Our own writes are already in the view; everything else (a peer, an undo) is read back.
    if (transaction.origin === LOCAL_ORIGIN || disposed || transaction.changed.size === 0) return;
    if (pending) flush();
    readPeers();
  };
  ydoc.on('afterTransaction', onTransaction);
  const onStack = () => options.onHistory?.();
  undoManager.on('stack-item-added', onStack);
  undoManager.on('stack-item-popped', onStack);

  return {
    undo() {
      if (pending) flush();
      undoManager.undo();
    },
    redo() {
      if (pending) flush();
      undoManager.redo();
    },
    canUndo: () => undoManager.canUndo(),
    canRedo: () => undoManager.canRedo(),
    flush() {
      if (pending) flush();
    },
    dispose() {
      disposed = true;
      unsubscribe();
      ydoc.off('afterTransaction', onTransaction);
      for (const stop of watchers) stop();
      undoManager.destroy();
    },
  };
}
