/**
 * Keeps one Yjs document in step across the tabs of one browser (same origin), without a server:
 * each tab posts its updates on a BroadcastChannel and applies the others'. A tab that opens asks
 * for what it lacks (its state vector), and every tab answers with the difference, so two tabs
 * editing one diagram merge instead of overwriting each other's autosave.
 */
import * as Y from 'yjs';

/** The origin of updates that came from another tab (not undoable here, not posted back). */
export const TAB_ORIGIN = Symbol('another tab');

type TabMessage =
  | { readonly kind: 'update'; readonly update: Uint8Array }
  | { readonly kind: 'hello'; readonly vector: Uint8Array }
  | { readonly kind: 'reply'; readonly update: Uint8Array };

const isBytes = (value: unknown): value is Uint8Array => value instanceof Uint8Array;

/** A message from another tab, checked: anything else on the channel is ignored. */
function readMessage(data: unknown): TabMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { kind, update, vector } = data as Record<string, unknown>;
  if ((kind === 'update' || kind === 'reply') && isBytes(update)) return { kind, update };
  if (kind === 'hello' && isBytes(vector)) return { kind, vector };
  return undefined;
}

export interface TabChannel {
  /** Asks the other tabs again for what this tab lacks (a tab that linked later than this one). */
  hello(): void;
  /** Stops posting and listening. */
  close(): void;
}

export interface TabChannelOptions {
  /** Called when an update from another tab cannot be applied (it is dropped). */
  readonly onBadUpdate?: (error: unknown) => void;
  /**
   * Whether this tab answers another's hello: a tab that has not yet received the diagram must
   * not, or a newcomer would take its empty document for the diagram. Answers by default.
   */
  readonly answers?: () => boolean;
  /** Called after another tab's answer to this tab's hello was applied. */
  readonly onReply?: () => void;
}

/**
 * Links a document to the same document in this browser's other tabs.
 *
 * @param ydoc - The tab's document.
 * @param name - The channel's name: one per diagram (for example `cm-port-planner/local`).
 * @param options - What to do with a bad update, whether to answer, and who waits for an answer.
 * @returns The link; close it when the tab leaves the diagram.
 * @example
 * const tabs = linkTabs(ydoc, 'cm-port-planner/local');
 */
export function linkTabs(ydoc: Y.Doc, name: string, options: TabChannelOptions = {}): TabChannel {
  const { onBadUpdate, answers = () => true, onReply } = options;
  const channel = new BroadcastChannel(name);
  const post = (message: TabMessage) => channel.postMessage(message);
  const apply = (update: Uint8Array) => {
    try {
      Y.applyUpdate(ydoc, update, TAB_ORIGIN);
      return true;
    } catch (error) {
      onBadUpdate?.(error);
      return false;
    }
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== TAB_ORIGIN) post({ kind: 'update', update });
  };
  channel.onmessage = (event: MessageEvent) => {
    const message = readMessage(event.data);
    if (!message) return;
    if (message.kind === 'hello') {
      if (!answers()) return;
      let diff: Uint8Array;
      try {
        diff = Y.encodeStateAsUpdate(ydoc, message.vector);
      } catch (error) {
        onBadUpdate?.(error);
        return;
      }
      post({ kind: 'reply', update: diff });
    } else if (apply(message.update) && message.kind === 'reply') onReply?.();
  };
  const hello = () => post({ kind: 'hello', vector: Y.encodeStateVector(ydoc) });
  ydoc.on('update', onUpdate);
  hello();
  return {
    hello,
    close() {
      ydoc.off('update', onUpdate);
      channel.close();
    },
  };
}
