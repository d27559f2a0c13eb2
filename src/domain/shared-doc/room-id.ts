/**
 * Room ids of the live-editing server. A room id is the base64url SHA-256 digest of the room's
 * edit key (see src/sync/room-keys.ts), so it is unguessable, and a read-only link (the room id
 * alone) does not reveal the key that grants writing.
 */

/** What the server accepts as a room id: 22 to 64 base64url characters (ours are 43). */
export const ROOM_ID_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

/** What an edit key looks like: 43 base64url characters (32 random bytes). */
export const EDIT_KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Whether a value can be one of our room ids (its shape only; the server never looks a room up).
 *
 * @param value - anything, typically a WebSocket document name or a link's fragment
 * @returns true for a string of 22 to 64 base64url characters
 * @example
 * isRoomId('Qm9vdHN0cmFwLXJvb20taWQtMDAx') // true
 * isRoomId('../etc/passwd') // false
 */
export function isRoomId(value: unknown): value is string {
  return typeof value === 'string' && ROOM_ID_PATTERN.test(value);
}

/**
 * Whether a value has the shape of an edit key.
 *
 * @param value - anything, typically read from a share token
 * @returns true for a string of exactly 43 base64url characters
 * @example isEditKey('x'.repeat(43)) // true
 */
export function isEditKey(value: unknown): value is string {
  return typeof value === 'string' && EDIT_KEY_PATTERN.test(value);
}
