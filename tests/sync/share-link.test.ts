import { readShareHash, shareLinks } from '@/domain/shared-doc/share-link';

const room = { roomId: 'R'.repeat(43), editKey: 'K'.repeat(43) };

describe('share links', () => {
  it('carry the edit key or the room id in the fragment, and read back to the same room', () => {
    const links = shareLinks('https://planner.example/app/#old', room);
    expect(links.edit).toBe(`https://planner.example/app/#edit=${'K'.repeat(43)}`);
    expect(links.view).toBe(`https://planner.example/app/#view=${'R'.repeat(43)}`);
    expect(readShareHash(new URL(links.edit).hash)).toEqual({ access: 'edit', editKey: room.editKey });
    expect(readShareHash(new URL(links.view).hash)).toEqual({ access: 'read-only', roomId: room.roomId });
  });

  it('name no room for another fragment, and call a malformed one bad', () => {
    expect(readShareHash('')).toBeUndefined();
    expect(readShareHash('#section-2')).toBeUndefined();
    expect(readShareHash('#edit=short')).toBe('bad');
    expect(readShareHash('#view=../../etc/passwd')).toBe('bad');
    expect(readShareHash(`#edit=${'K'.repeat(42)}!`)).toBe('bad');
  });
});
