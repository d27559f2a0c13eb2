import * as Y from 'yjs';
import { linkTabs } from '@/sync/tab-channel';

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10));
  return check();
};

describe('two tabs of one browser', () => {
  it('merge their edits both ways, and a tab that opens later gets what the others hold', async () => {
    const name = `test-${Math.random()}`;
    const one = new Y.Doc();
    one.getMap('hosts').set('h1', 'first tab');
    const a = linkTabs(one, name);
    const two = new Y.Doc();
    const b = linkTabs(two, name);
    expect(await until(() => two.getMap('hosts').get('h1') === 'first tab')).toBe(true);
    one.getMap('hosts').set('h2', 'from one');
    two.getMap('hosts').set('h3', 'from two');
    expect(await until(() => one.getMap('hosts').size === 3 && two.getMap('hosts').size === 3)).toBe(true);
    expect(one.getMap('hosts').toJSON()).toEqual(two.getMap('hosts').toJSON());
    a.close();
    b.close();
  });

  it('ignores what is not one of its messages and drops an update that cannot be applied', async () => {
    const name = `test-${Math.random()}`;
    const doc = new Y.Doc();
    const bad: unknown[] = [];
    const link = linkTabs(doc, name, { onBadUpdate: (error) => bad.push(error) });
    const stranger = new BroadcastChannel(name);
    stranger.postMessage('hello');
    stranger.postMessage({ kind: 'update', update: 'not bytes' });
    stranger.postMessage({ kind: 'update', update: new Uint8Array([255, 255, 255, 1, 2]) });
    expect(await until(() => bad.length === 1)).toBe(true);
    doc.getMap('hosts').set('h1', 'still works');
    expect(doc.getMap('hosts').get('h1')).toBe('still works');
    stranger.close();
    link.close();
  });
});
