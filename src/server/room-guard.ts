/**
 * The server's refusals, as a Hocuspocus extension: a room id that is not one of ours, a token that
 * is not ours or an edit key of another room, more than a bounded number of connections per room,
 * and an update that is not a well-formed Yjs update. Read-only access is decided here too.
 */
import type {
  beforeHandleMessagePayload,
  connectedPayload,
  Extension,
  onAuthenticatePayload,
  onDisconnectPayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { roomAccess } from '@/sync/room-keys';
import { updateOf } from './sync-message';

/** Why a connection was refused, as the provider's `onAuthenticationFailed` reports it. */
export type RefusalReason = 'bad-room' | 'bad-token' | 'wrong-key' | 'room-full';

function refuse(reason: RefusalReason | 'malformed-update'): never {
  // Hocuspocus sends `reason` to the client and closes with `code`; 4403 is its Forbidden code.
  throw Object.assign(new Error(reason), { reason, code: reason === 'malformed-update' ? 4400 : 4403 });
}

export class RoomGuard implements Extension {
  extensionName = 'room-guard';
  // Before the store's hooks: a refused room never touches the database.
  priority = 1000;
  /** Connections past authentication that are not yet counted by their room, by room and socket. */
  private readonly pending = new Map<string, Set<string>>();

  constructor(private readonly maxConnectionsPerRoom: number) {}

  async onAuthenticate(data: onAuthenticatePayload): Promise<void> {
    const access = await roomAccess(data.documentName, data.token);
    if (access !== 'edit' && access !== 'read-only') refuse(access);
    const room = data.documentName;
    const open = data.instance.documents.get(room)?.getConnectionsCount() ?? 0;
    const waiting = this.pending.get(room) ?? new Set<string>();
    if (open + waiting.size >= this.maxConnectionsPerRoom) refuse('room-full');
    waiting.add(data.socketId);
    this.pending.set(room, waiting);
    // A socket that drops before its room is loaded frees its place too.
    data.request.socket.once('close', () => this.settle(room, data.socketId));
    data.connectionConfig.readOnly = access === 'read-only';
  }

  async connected(data: connectedPayload): Promise<void> {
    this.settle(data.documentName, data.socketId);
  }

  async onDisconnect(data: onDisconnectPayload): Promise<void> {
    this.settle(data.documentName, data.socketId);
  }

  // Hocuspocus awaits this hook before applying a message (its `beforeSync` is not awaited): the
  // whole update is decoded without applying it, so a truncated or garbled one is refused before
  // it reaches the room's document, and only its sender's connection to the room is closed.
  async beforeHandleMessage(data: beforeHandleMessagePayload): Promise<void> {
    const update = updateOf(data.update);
    if (update === undefined) return;
    if (update === 'malformed') refuse('malformed-update');
    try {
      Y.decodeUpdate(update);
    } catch {
      refuse('malformed-update');
    }
  }

  /** Connections counted as pending, for tests. */
  pendingCount(room: string): number {
    return this.pending.get(room)?.size ?? 0;
  }

  private settle(room: string, socketId: string): void {
    const waiting = this.pending.get(room);
    if (!waiting) return;
    waiting.delete(socketId);
    if (waiting.size === 0) this.pending.delete(room);
  }
}
