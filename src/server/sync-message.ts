/**
 * Reads just enough of a Hocuspocus message to find the Yjs update it carries, so the server can
 * check the update before the room's document applies it. The format is lib0's: a varString (the
 * room), a varUint (message type, 0 = sync), then for sync a varUint (0 = step 1, 1 = step 2,
 * 2 = update) and a varUint8Array (the update).
 */

const SYNC = 0;
const CARRIES_UPDATE = new Set([1, 2]);

class Reader {
  position = 0;
  constructor(private readonly bytes: Uint8Array) {}

  varUint(): number {
    let value = 0;
    for (let shift = 0; shift < 53; shift += 7) {
      const byte = this.bytes[this.position++];
      if (byte === undefined) throw new RangeError('message ends inside a number');
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    throw new RangeError('number too long');
  }

  bytesOf(length: number): Uint8Array {
    if (this.position + length > this.bytes.length) throw new RangeError('message ends inside a field');
    const slice = this.bytes.subarray(this.position, this.position + length);
    this.position += length;
    return slice;
  }
}

/**
 * The Yjs update a message carries.
 *
 * @param message - one WebSocket message as received
 * @returns the update; undefined for a message without one (awareness, sync step 1, auth, …);
 *   'malformed' when the message ends early or its update's length does not match
 * @example updateOf(message) // Uint8Array [...]
 */
export function updateOf(message: Uint8Array): Uint8Array | undefined | 'malformed' {
  try {
    const reader = new Reader(message);
    reader.bytesOf(reader.varUint()); // the room
    if (reader.varUint() !== SYNC) return undefined;
    if (!CARRIES_UPDATE.has(reader.varUint())) return undefined;
    const update = reader.bytesOf(reader.varUint());
    return reader.position === message.length ? update : 'malformed';
  } catch {
    return 'malformed';
  }
}
