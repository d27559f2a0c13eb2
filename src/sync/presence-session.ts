/**
 * Publishes this user's presence (name, colour, pointer, selection) in a room's awareness and reads
 * everyone else's through readPresence: a peer's awareness state is untrusted like any update.
 */
import { type Presence, pickColour, readPresence } from '@/domain/shared-doc/presence';

/** The part of Yjs' Awareness this needs (the provider's awareness has it). */
export interface AwarenessLike {
  readonly clientID: number;
  getStates(): Map<number, unknown>;
  setLocalState(state: Record<string, unknown> | null): void;
  getLocalState(): Record<string, unknown> | null;
  on(event: 'change', listener: () => void): void;
  off(event: 'change', listener: () => void): void;
}

/** A peer's presence with its client id (a stable key while it stays). */
export interface PeerPresence extends Presence {
  readonly client: number;
}

export interface PresenceSession {
  /** Moves the pointer (diagram coordinates), or hides it when it leaves the canvas. */
  pointer(at: { readonly x: number; readonly y: number } | undefined): void;
  select(hosts: readonly string[], links: readonly string[]): void;
  rename(name: string): void;
  /** Everyone else in the room, in a stable order. */
  peers(): readonly PeerPresence[];
  /** Calls back when someone arrives, leaves, moves or selects; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Leaves: the others stop seeing this user at once. */
  stop(): void;
}

/**
 * Starts presence in a room.
 *
 * @param awareness - The room's awareness.
 * @param name - The name the others see.
 * @returns The session.
 * @example
 * const presence = startPresence(room.awareness, 'Ana');
 * presence.pointer({ x: 120, y: 80 });
 */
export function startPresence(awareness: AwarenessLike, name: string): PresenceSession {
  const others = () =>
    [...awareness.getStates().entries()].flatMap(([client, state]) => {
      if (client === awareness.clientID) return [];
      const presence = readPresence(state);
      return presence ? [{ client, ...presence }] : [];
    });
  const colour = pickColour(others().map((p) => p.colour));
  awareness.setLocalState({ name, colour, hosts: [], links: [] });
  const patch = (fields: Record<string, unknown>) =>
    awareness.setLocalState({ ...(awareness.getLocalState() ?? {}), ...fields });
  let cached: readonly PeerPresence[] = others().sort((a, b) => a.client - b.client);
  const listeners = new Set<() => void>();
  const onChange = () => {
    cached = others().sort((a, b) => a.client - b.client);
    for (const listener of listeners) listener();
  };
  awareness.on('change', onChange);
  return {
    pointer: (at) => patch({ pointer: at ? { x: Math.round(at.x), y: Math.round(at.y) } : null }),
    select: (hosts, links) => patch({ hosts: [...hosts], links: [...links] }),
    rename: (next) => patch({ name: next }),
    peers: () => cached,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      awareness.off('change', onChange);
      listeners.clear();
      awareness.setLocalState(null);
    },
  };
}
