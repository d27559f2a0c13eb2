import { DOCUMENT_VERSION } from '@/domain/document';
import { fileName } from '@/domain/file-name';
import { endsFor } from '@/domain/link-places';
import { MAX_FILE_BYTES, serializeDocument } from '@/domain/restore';
import { applyTemplate, newDocument, openDocumentFile } from '@/store/file-commands';
import { OPEN_MARKS, openMarkName } from '@/store/open-marks';
import { templates } from '@/store/templates';
import { makeDocument, makeHost, makeStore } from '../builders';
import { text as words } from './text';

const other = makeDocument([makeHost('x', ['client'], { name: 'OTHER' })], [], { name: 'Other' });

describe('opening a document file', () => {
  it.each([
    ['an empty file', '', /empty/],
    ['a PNG renamed .json', '\x89PNG\r\n\x1a\n\0\0\0IHDR', /Not a topology file/],
    ['another app’s JSON', '{"type":"excalidraw","elements":[]}', /Not a topology file/],
    [
      'a newer version',
      JSON.stringify({ ...other, version: DOCUMENT_VERSION + 1 }),
      new RegExp(`version ${DOCUMENT_VERSION + 1}.*version ${DOCUMENT_VERSION}`),
    ],
  ])('refuses %s and leaves the diagram untouched', async (_what, text, reason) => {
    const store = makeStore();
    const before = store.getState().hosts;
    expect(await openDocumentFile(store, new File([text], 'diagram.json'))).toBe(false);
    expect(store.getState().hosts).toBe(before);
    // The question asked while the file was read is taken back: there is nothing to open.
    expect(store.getState().confirm).toBeNull();
    const notice = store.getState().notices.at(-1);
    expect(notice).toMatchObject({ tone: 'error' });
    expect(words(notice?.title)).toMatch(/diagram\.json.*unchanged/);
    expect(notice?.details?.map(words).join(' ')).toMatch(reason);
  });

  it('refuses a file over the size limit before reading it, naming the limit', async () => {
    const store = makeStore();
    const file = new File(['{}'], 'huge.json');
    Object.defineProperty(file, 'size', { value: MAX_FILE_BYTES + 1 });
    const read = vi.spyOn(file, 'text');
    expect(await openDocumentFile(store, file)).toBe(false);
    expect(read).not.toHaveBeenCalled();
    expect(words(store.getState().notices.at(-1)?.details?.[0])).toMatch(/limit is 100\.0 MB/);
  });

  it('asks before replacing a diagram, opens on yes and can be undone', async () => {
    const store = makeStore();
    const opening = openDocumentFile(store, new File([serializeDocument(other)], 'other.json'));
    await vi.waitFor(() => expect(store.getState().confirm).not.toBeNull());
    store.getState().answerConfirm(true);
    expect(await opening).toBe(true);
    expect(store.getState().hosts.map((h) => h.name)).toEqual(['OTHER']);
    store.getState().undo();
    expect(store.getState().hosts).toHaveLength(3);
  });

  it('asks while the file is still being read, and opens once it is read', async () => {
    const store = makeStore();
    const file = new File([serializeDocument(other)], 'other.json');
    let release: (text: string) => void = () => {};
    vi.spyOn(file, 'text').mockReturnValue(new Promise<string>((resolve) => (release = resolve)));
    const opening = openDocumentFile(store, file);
    await vi.waitFor(() => expect(store.getState().confirm).not.toBeNull());
    expect(words(store.getState().confirm?.title)).toBe('Open "other.json"?');
    store.getState().answerConfirm(true);
    // Yes before the read is done: nothing changes until the file is read.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().hosts).toHaveLength(3);
    release(await new Blob([serializeDocument(other)]).text());
    expect(await opening).toBe(true);
    expect(store.getState().hosts.map((h) => h.name)).toEqual(['OTHER']);
  });

  it('shows another question asked meanwhile once a refused file takes its own back', async () => {
    const store = makeStore();
    const opening = openDocumentFile(store, new File([''], 'empty.json'));
    const asked = store.getState().confirm;
    expect(asked).not.toBeNull();
    const other = { ...asked!, title: 'Something else' };
    store.getState().askConfirm(other);
    expect(await opening).toBe(false);
    expect(store.getState().confirm).toBe(other);
  });

  it('opens the file when another question was asked while its own was on screen, then shows that one', async () => {
    const store = makeStore();
    const opening = openDocumentFile(store, new File([serializeDocument(other)], 'other.json'));
    const asked = store.getState().confirm;
    expect(asked).not.toBeNull();
    const later = { ...asked!, title: 'Something else', onConfirm: vi.fn() };
    store.getState().askConfirm(later);
    // The open's question stays on screen: answering it still opens the file.
    expect(store.getState().confirm).toBe(asked);
    store.getState().answerConfirm(true);
    expect(await opening).toBe(true);
    expect(store.getState().hosts.map((h) => h.name)).toEqual(['OTHER']);
    expect(store.getState().confirm).toBe(later);
    expect(later.onConfirm).not.toHaveBeenCalled();
  });

  it('keeps where the opened links’ ends are, for those very lists only', async () => {
    const store = makeStore();
    const two = makeDocument([makeHost('a', ['client']), makeHost('b', ['management-point'])], [['a', 'b']]);
    const opening = openDocumentFile(store, new File([serializeDocument(two)], 'two.json'));
    await vi.waitFor(() => expect(store.getState().confirm).not.toBeNull());
    store.getState().answerConfirm(true);
    expect(await opening).toBe(true);
    const { hosts, links, linkPlaces } = store.getState();
    expect(linkPlaces).toMatchObject({ hosts, links });
    expect([...linkPlaces!.ends]).toEqual([0, 1]);
    store.getState().undo();
    expect(
      endsFor(store.getState().linkPlaces, store.getState().hosts, store.getState().links),
    ).toBeUndefined();
  });

  it('marks the steps of an open in the performance timeline, in order', async () => {
    const store = makeStore();
    for (const mark of OPEN_MARKS) performance.clearMarks(openMarkName(mark));
    const opening = openDocumentFile(store, new File([serializeDocument(other)], 'other.json'));
    await vi.waitFor(() => expect(store.getState().confirm).not.toBeNull());
    expect(performance.getEntriesByName(openMarkName('replacing'))).toHaveLength(0);
    store.getState().answerConfirm(true);
    expect(await opening).toBe(true);
    const times = OPEN_MARKS.map((mark) => performance.getEntriesByName(openMarkName(mark)));
    expect(times.map((entries) => entries.length)).toEqual(OPEN_MARKS.map(() => 1));
    const starts = times.map((entries) => entries[0]!.startTime);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('keeps the diagram when the question is cancelled', async () => {
    const store = makeStore();
    const opening = openDocumentFile(store, new File([serializeDocument(other)], 'other.json'));
    await vi.waitFor(() => expect(store.getState().confirm).not.toBeNull());
    store.getState().answerConfirm(false);
    expect(await opening).toBe(false);
    expect(store.getState().hosts).toHaveLength(3);
  });
});

describe('new diagrams and templates', () => {
  it('starts an empty diagram only after confirmation', () => {
    const store = makeStore();
    newDocument(store);
    expect(store.getState().hosts).toHaveLength(3);
    store.getState().answerConfirm(true);
    expect(store.getState().hosts).toHaveLength(0);
  });

  it('starts a new diagram on the current edition, whatever the open one used', () => {
    const store = makeStore();
    expect(store.getState().settings.edition).toBe('2018-de');
    newDocument(store);
    store.getState().answerConfirm(true);
    expect(store.getState().settings.edition).toBe('current');
    expect(store.getState().catalogue.edition.id).toBe('current');
  });

  it('replaces with a template after confirmation, or adds it without asking', () => {
    const template = templates.find((t) => t.id === 'hierarchy');
    if (!template) throw new Error('missing template');
    const store = makeStore();
    applyTemplate(store, template, 'add');
    expect(store.getState().confirm).toBeNull();
    const added = store.getState().hosts.length;
    expect(added).toBeGreaterThan(3);
    applyTemplate(store, template, 'replace');
    expect(store.getState().hosts).toHaveLength(added);
    store.getState().answerConfirm(true);
    expect(store.getState().hosts).toHaveLength(added - 3);
  });

  it('names saved files after the document', () => {
    expect(fileName('Hierarchy: CAS, two primaries', 'cmports.json')).toBe(
      'hierarchy-cas-two-primaries.cmports.json',
    );
    expect(fileName('<>', 'cmports.json')).toBe('topology.cmports.json');
  });
});
