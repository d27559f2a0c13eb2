import { isRoomId } from '@/domain/shared-doc/room-id';
import {
  createRoom,
  editToken,
  parseShareToken,
  READ_ONLY_TOKEN,
  roomAccess,
  roomIdForKey,
} from '@/sync/room-keys';

describe('rooms and access', () => {
  it('makes unguessable room ids the server accepts, a new one each time', async () => {
    const rooms = await Promise.all(Array.from({ length: 50 }, () => createRoom()));
    for (const room of rooms) {
      expect(isRoomId(room.roomId)).toBe(true);
      expect(room.roomId).toHaveLength(43);
      expect(room.editKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await roomIdForKey(room.editKey)).toBe(room.roomId);
    }
    expect(new Set(rooms.map((r) => r.roomId)).size).toBe(50);
    expect(new Set(rooms.map((r) => r.editKey)).size).toBe(50);
  });

  it('grants editing only with the key of that very room', async () => {
    const room = await createRoom();
    const other = await createRoom();
    expect(await roomAccess(room.roomId, editToken(room.editKey))).toBe('edit');
    expect(await roomAccess(room.roomId, READ_ONLY_TOKEN)).toBe('read-only');
    expect(await roomAccess(room.roomId, '')).toBe('read-only');
    expect(await roomAccess(room.roomId, editToken(other.editKey))).toBe('wrong-key');
    // The read-only link carries the room id; using it as a key opens nothing.
    expect(await roomAccess(room.roomId, editToken(room.roomId))).toBe('wrong-key');
  });

  it.each([
    ['not JSON', 'edit-please'],
    ['a list', '[1]'],
    ['a key of the wrong shape', JSON.stringify({ editKey: 'short' })],
    ['an oversized token', JSON.stringify({ readOnly: true, pad: 'x'.repeat(300) })],
    ['no string', 42],
  ])('refuses a token that is not ours: %s', async (_label, token) => {
    expect(parseShareToken(token)).toBeUndefined();
    expect(await roomAccess((await createRoom()).roomId, token)).toBe('bad-token');
  });

  it.each(['short', '../../etc/passwd', 'a'.repeat(65), 'room id with spaces and more text', ''])(
    'refuses a room id that is not one of ours: %j',
    async (roomId) => {
      expect(isRoomId(roomId)).toBe(false);
      expect(await roomAccess(roomId, READ_ONLY_TOKEN)).toBe('bad-room');
    },
  );
});
