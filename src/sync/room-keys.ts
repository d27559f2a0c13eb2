/**
 * Rooms and who may write in them. A room is made from a random edit key; its id is the key's
 * SHA-256 digest. The edit link carries the key, the read-only link only the id: the server
 * derives the id from a presented key, so nobody can write with the read-only link, and the server
 * keeps no table of rooms or secrets. Uses Web Crypto only, so it runs in the browser and in Node.
 */
import { isEditKey, isRoomId } from '@/domain/shared-doc/room-id';

/** A new room: its id (for both links) and the key that grants writing (for the edit link only). */
export interface Room {
  readonly roomId: string;
  readonly editKey: string;
}

/** What a connection's token asks for, once read by the server. */
export type ShareAccess =
  | { readonly access: 'edit'; readonly editKey: string }
  | { readonly access: 'read-only' };

/** Longest token the server reads; ours are under 70 characters. */
const TOKEN_LIMIT = 256;

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The room id an edit key opens: base64url of its SHA-256 digest (43 characters).
 *
 * @param editKey - an edit key from `createRoom`
 * @returns the room id
 * @example await roomIdForKey(room.editKey) === room.roomId // true
 */
export async function roomIdForKey(editKey: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(editKey));
  return base64url(new Uint8Array(digest));
}

/**
 * Makes a room with an unguessable id: 32 random bytes of edit key (256 bits), id = its digest.
 *
 * @returns the room's id and edit key
 * @example
 * const { roomId, editKey } = await createRoom();
 * // edit link: #room=<roomId>&key=<editKey>; read-only link: #room=<roomId>
 */
export async function createRoom(): Promise<Room> {
  const editKey = base64url(crypto.getRandomValues(new Uint8Array(32)));
  return { roomId: await roomIdForKey(editKey), editKey };
}

/** The token an editor connects with. */
export function editToken(editKey: string): string {
  return JSON.stringify({ editKey });
}

/** The token a read-only link connects with. */
export const READ_ONLY_TOKEN = JSON.stringify({ readOnly: true });

/**
 * Reads a connection token. Anything that is not an edit key asks for read-only access; a token
 * that is not ours (not JSON, too long, a key of the wrong shape) is refused.
 *
 * @param token - the token the client sent, untrusted
 * @returns the access asked for, or undefined for a token that is not ours
 * @example parseShareToken(READ_ONLY_TOKEN) // { access: 'read-only' }
 */
export function parseShareToken(token: unknown): ShareAccess | undefined {
  if (typeof token !== 'string' || token.length > TOKEN_LIMIT) return undefined;
  if (token === '') return { access: 'read-only' };
  let value: unknown;
  try {
    value = JSON.parse(token);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  if (Object.hasOwn(value, 'editKey')) {
    const editKey = (value as { editKey: unknown }).editKey;
    return isEditKey(editKey) ? { access: 'edit', editKey } : undefined;
  }
  return { access: 'read-only' };
}

/**
 * Decides a connection's access to a room: an edit key must open exactly this room.
 *
 * @param roomId - the document name the client asked for
 * @param token - the client's token
 * @returns 'edit', 'read-only', or a refusal reason
 * @example await roomAccess(room.roomId, editToken(room.editKey)) // 'edit'
 */
export async function roomAccess(
  roomId: string,
  token: unknown,
): Promise<'edit' | 'read-only' | 'bad-room' | 'bad-token' | 'wrong-key'> {
  if (!isRoomId(roomId)) return 'bad-room';
  const access = parseShareToken(token);
  if (access === undefined) return 'bad-token';
  if (access.access === 'read-only') return 'read-only';
  return (await roomIdForKey(access.editKey)) === roomId ? 'edit' : 'wrong-key';
}
