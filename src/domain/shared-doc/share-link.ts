import { isEditKey, isRoomId } from './room-id';

/**
 * Share links. The room is named in the link's fragment (after `#`), which browsers never send to
 * a server, so keys stay out of access logs and proxies. An edit link carries the edit key (the room
 * id is its digest); a read-only link carries the room id alone, which grants no writing.
 */

/** What a link's fragment asks for. */
export type ShareTarget =
  | { readonly access: 'edit'; readonly editKey: string }
  | { readonly access: 'read-only'; readonly roomId: string };

/**
 * The two links of a room.
 *
 * @param page - The app's address without a fragment (`https://planner.example/`).
 * @param room - The room's id and edit key.
 * @returns `edit` (anyone with it can change the diagram) and `view` (read-only).
 * @example
 * shareLinks('https://p.example/', room).view; // 'https://p.example/#view=Qm9v…'
 */
export function shareLinks(
  page: string,
  room: { readonly roomId: string; readonly editKey: string },
): { readonly edit: string; readonly view: string } {
  const base = page.split('#')[0] ?? page;
  return { edit: `${base}#edit=${room.editKey}`, view: `${base}#view=${room.roomId}` };
}

/**
 * The room a link's fragment names.
 *
 * @param hash - `location.hash` (`#edit=…`, `#view=…`, or anything else).
 * @returns The target; `undefined` for a fragment that names no room; `'bad'` for one that tries
 *   to but is malformed (the app says so rather than opening nothing silently).
 * @example
 * readShareHash('#view=' + 'a'.repeat(43)); // { access: 'read-only', roomId: 'aaa…' }
 */
export function readShareHash(hash: string): ShareTarget | 'bad' | undefined {
  const match = /^#?(edit|view)=(.*)$/.exec(hash);
  if (!match) return undefined;
  const [, kind, value] = match;
  if (kind === 'edit') return isEditKey(value) ? { access: 'edit', editKey: value } : 'bad';
  return isRoomId(value) ? { access: 'read-only', roomId: value } : 'bad';
}
