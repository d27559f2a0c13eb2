/**
 * The server's refusals, as a Hocuspocus extension: a room id that is not one of ours, a token that
 * is not ours or an edit key of another room, more than a bounded number of connections per room
 * or of rooms per socket, and an update that is not a well-formed Yjs update. Read-only access is decided here too.
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
export type RefusalReason = 'bad-room' | 'bad-token' | 'wrong-key' | 'room-full' | 'too-many-rooms';

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
  /** Rooms each socket has joined: one socket can carry several rooms, each costing server memory. */
  private readonly socketRooms = new Map<string, Set<string>>();

  constructor(
    private readonly maxConnectionsPerRoom: number,
    private readonly maxRoomsPerSocket: number,
  ) {}

  async onAuthenticate(data: onAuthenticatePayload): Promise<void> {
    const access = await roomAccess(data.documentName, data.token);
    if (access !== 'edit' && access !== 'read-only') refuse(access);
    const room = data.documentName;
    let rooms = this.socketRooms.get(data.socketId);
    if (!rooms) {
      rooms = new Set();
      this.socketRooms.set(data.socketId, rooms);
      // A socket that drops, even before its rooms are loaded, frees every place it held.
      data.request.socket.once('close', () => this.forgetSocket(data.socketId));
    }
    if (!rooms.has(room) && rooms.size >= this.maxRoomsPerSocket) refuse('too-many-rooms');
    const open = data.instance.documents.get(room)?.getConnectionsCount() ?? 0;
    const waiting = this.pending.get(room) ?? new Set<string>();
    if (open + waiting.size >= this.maxConnectionsPerRoom) refuse('room-full');
    waiting.add(data.socketId);
    this.pending.set(room, waiting);
    rooms.add(room);
    data.connectionConfig.readOnly = access === 'read-only';
  }

  async connected(data: connectedPayload): Promise<void> {
    this.settle(data.documentName, data.socketId);
  }

  async onDisconnect(data: onDisconnectPayload): Promise<void> {
    this.settle(data.documentName, data.socketId);
    this.socketRooms.get(data.socketId)?.delete(data.documentName);
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

  /** Connections counted as pending in a room, and sockets tracked, for tests. */
  pendingCount(room: string): number {
    return this.pending.get(room)?.size ?? 0;
  }

  socketCount(): number {
    return this.socketRooms.size;
  }

  private forgetSocket(socketId: string): void {
    for (const room of this.socketRooms.get(socketId) ?? []) this.settle(room, socketId);
    this.socketRooms.delete(socketId);
  }

  private settle(room: string, socketId: string): void {
    const waiting = this.pending.get(room);
    if (!waiting) return;
    waiting.delete(socketId);
    if (waiting.size === 0) this.pending.delete(room);
  }
}
