/** @vitest-environment jsdom */
import { act, render, screen, within } from '@testing-library/react';
import type { Message } from '@/domain/message';
import { appI18n } from '@/i18n/app-i18n';
import { NO_SERVER_AFTER_MS, ShareButton, ShareDialog } from '@/panels/share-dialog';
import { SharePill } from '@/panels/toolbar-status';
import { USER_NAME_KEY, useShare } from '@/panels/use-share';
import type { AppStore } from '@/store/app-store';
import type { ShareController } from '@/store/share-controller';
import { AppStoreProvider } from '@/store/store-context';
import { renderApp } from '../app/render-app';
import { makeDocument, makeStore } from '../builders';
import { englishIn } from '../support/no-english';
import { english } from '../support/words';
import { renderWithStore } from './render-with-store';

/** The Share button, its dialog and the connection pill (issue 16), on a store whose share state is set. */

const EDIT = `http://planner.test/#edit=${'k'.repeat(43)}`;
const VIEW = `http://planner.test/#view=${'r'.repeat(43)}`;
const ANA = { client: 7, name: 'Ana', colour: 3, hosts: [], links: [] };
const BEN = { client: 9, name: 'Ben', colour: 5, hosts: [], links: [] };
/** What the tests put in: names and links, not the app's words. */
const DATA = [/^Ana$/, /^Ben$/, /^Maria$/, /^http:\/\/planner\.test\//];

/** A controller that only records what the dialog asks of it. */
function fakeController() {
  return {
    share: vi.fn(async () => {}),
    join: vi.fn(async () => {}),
    leave: vi.fn(() => {}),
    pointer: vi.fn(() => {}),
    userName: vi.fn(() => window.localStorage.getItem(USER_NAME_KEY) ?? 'Guest 1234'),
    rename: vi.fn(() => {}),
  } satisfies ShareController;
}

function inRoom(store: AppStore, access: 'edit' | 'read-only' = 'edit') {
  act(() =>
    store.getState().setShare({
      status: 'online',
      access,
      links: access === 'edit' ? { edit: EDIT, view: VIEW } : { view: VIEW },
      peers: [ANA, BEN],
    }),
  );
}

const german = () =>
  act(async () => {
    await appI18n.changeLanguage('de');
  });

/** A clipboard to watch; after the render, as userEvent.setup() puts in its own. */
function stubClipboard(refuse = false) {
  const writeText = vi.fn(async () => {
    if (refuse) throw new Error('denied');
  });
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return writeText;
}

afterEach(() => {
  window.localStorage.clear();
  vi.useRealTimers();
});

describe('the Share dialog', () => {
  it('before sharing: explains live editing, asks for a name it remembers, and starts sharing', async () => {
    const store = makeStore();
    const controller = fakeController();
    const { user } = renderWithStore(store, <ShareButton controller={controller} />);
    await user.click(screen.getByRole('button', { name: 'Share' }));
    const dialog = screen.getByRole('dialog', { name: 'Share this diagram' });
    expect(dialog).toHaveTextContent(/edits this diagram with you at the same time/);
    const name = within(dialog).getByLabelText('Your name');
    expect(name).toHaveAttribute('placeholder', expect.stringMatching(/^Guest \d{4}$/));
    await user.type(name, 'Maria');
    await user.click(within(dialog).getByRole('button', { name: 'Start sharing' }));
    expect(controller.share).toHaveBeenCalledTimes(1);
    expect(window.localStorage.getItem(USER_NAME_KEY)).toBe('Maria');
  });

  it('starts with the remembered name, and a guest name is remembered when none is typed', async () => {
    window.localStorage.setItem(USER_NAME_KEY, 'Maria');
    const store = makeStore();
    const { user, unmount } = renderWithStore(
      store,
      <ShareDialog controller={fakeController()} onClose={() => {}} />,
    );
    expect(screen.getByLabelText('Your name')).toHaveValue('Maria');
    unmount();
    window.localStorage.clear();
    renderWithStore(store, <ShareDialog controller={fakeController()} onClose={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Start sharing' }));
    expect(window.localStorage.getItem(USER_NAME_KEY)).toMatch(/^Guest \d{4}$/);
  });

  it('in a room: both links with Copy buttons, the people in their colours, and Leave room', async () => {
    window.localStorage.setItem(USER_NAME_KEY, 'Maria');
    const store = makeStore();
    const controller = fakeController();
    inRoom(store);
    const onClose = vi.fn();
    const { user } = renderWithStore(store, <ShareDialog controller={controller} onClose={onClose} />);
    const writeText = stubClipboard();
    expect(screen.getByLabelText('Edit link')).toHaveValue(EDIT);
    expect(screen.getByLabelText('Read-only link')).toHaveValue(VIEW);

    await user.click(screen.getByRole('button', { name: 'Copy the edit link' }));
    expect(writeText).toHaveBeenCalledWith(EDIT);
    expect(screen.getByRole('button', { name: 'Copy the edit link' })).toHaveTextContent('Copied');
    await user.click(screen.getByRole('button', { name: 'Copy the read-only link' }));
    expect(writeText).toHaveBeenLastCalledWith(VIEW);

    const people = screen.getByRole('list');
    expect(
      within(people)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Maria (you)', 'Ana', 'Ben']);
    const swatch = within(people).getByText('Ana').querySelector('.share-dialog__swatch') as HTMLElement;
    expect(swatch.style.background).toBe('var(--presence-3)');

    await user.click(screen.getByRole('button', { name: 'Leave room' }));
    expect(controller.leave).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalled();
  });

  it('in a room: a changed name is remembered and shown to the others', async () => {
    window.localStorage.clear();
    const store = makeStore();
    const controller = fakeController();
    inRoom(store);
    const { user } = renderWithStore(store, <ShareDialog controller={controller} onClose={() => {}} />);
    const people = screen.getByRole('list');
    expect(within(people).getAllByRole('listitem')[0]).toHaveTextContent('Guest 1234 (you)');
    await user.type(screen.getByLabelText('Your name'), 'Maria{Enter}');
    expect(window.localStorage.getItem(USER_NAME_KEY)).toBe('Maria');
    expect(controller.rename).toHaveBeenCalledTimes(1);
    expect(within(people).getAllByRole('listitem')[0]).toHaveTextContent('Maria (you)');
    // Leaving the field with the same name asks nothing more of the room.
    await user.click(screen.getByLabelText('Edit link'));
    expect(controller.rename).toHaveBeenCalledTimes(1);
  });

  it('shows a read-only participant only the read-only link', () => {
    const store = makeStore();
    inRoom(store, 'read-only');
    renderWithStore(store, <ShareDialog controller={fakeController()} onClose={() => {}} />);
    expect(screen.queryByLabelText('Edit link')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copy the edit link' })).toBeNull();
    expect(screen.getByLabelText('Read-only link')).toHaveValue(VIEW);
    expect(screen.getByText(/You are watching/)).toBeInTheDocument();
  });

  it('says how to copy by hand when the clipboard refuses, with the link selected', async () => {
    const store = makeStore();
    inRoom(store);
    const { user } = renderWithStore(store, <ShareDialog controller={fakeController()} onClose={() => {}} />);
    stubClipboard(true);
    await user.click(screen.getByRole('button', { name: 'Copy the read-only link' }));
    expect(screen.getByText('Select the link and press Ctrl+C to copy it.')).toBeInTheDocument();
    const input = screen.getByLabelText('Read-only link') as HTMLInputElement;
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, VIEW.length]);
  });

  it('says live editing needs the server once a room has not got online for a while', () => {
    vi.useFakeTimers();
    const store = makeStore();
    act(() => store.getState().setShare({ status: 'connecting', links: { edit: EDIT, view: VIEW } }));
    renderWithStore(store, <ShareDialog controller={fakeController()} onClose={() => {}} />);
    expect(screen.getByText('Connecting…')).toBeInTheDocument();
    // The provider retries: connecting and offline take turns, and the hint still comes.
    act(() => vi.advanceTimersByTime(NO_SERVER_AFTER_MS / 2));
    act(() => store.getState().setShare({ status: 'offline' }));
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => vi.advanceTimersByTime(NO_SERVER_AFTER_MS / 2));
    expect(screen.getByRole('alert')).toHaveTextContent(
      "live editing needs the app's own server (`npm run serve`)",
    );
  });

  it('gives no server hint to a room that got online', () => {
    vi.useFakeTimers();
    const store = makeStore();
    inRoom(store);
    renderWithStore(store, <ShareDialog controller={fakeController()} onClose={() => {}} />);
    act(() => store.getState().setShare({ status: 'offline' }));
    act(() => vi.advanceTimersByTime(NO_SERVER_AFTER_MS * 2));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('speaks German before and in a room, with no English left', async () => {
    window.localStorage.setItem(USER_NAME_KEY, 'Maria');
    const store = makeStore();
    const { container, user } = renderWithStore(store, <ShareButton controller={fakeController()} />);
    await german();
    await user.click(screen.getByRole('button', { name: 'Teilen' }));
    expect(screen.getByRole('dialog', { name: 'Dieses Diagramm teilen' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Teilen starten' })).toBeInTheDocument();
    expect(englishIn(container.ownerDocument.body, { allow: DATA })).toEqual([]);
    inRoom(store);
    expect(screen.getByRole('button', { name: 'Link zum Bearbeiten kopieren' })).toHaveTextContent(
      'Kopieren',
    );
    expect(screen.getByText('Maria (Sie)')).toBeInTheDocument();
    expect(englishIn(container.ownerDocument.body, { allow: DATA })).toEqual([]);
  });
});

describe('the connection pill', () => {
  it('shows nothing outside a room', () => {
    const { container } = renderWithStore(makeStore(), <SharePill />);
    expect(container).toBeEmptyDOMElement();
  });

  it('says live with how many people, offline with edits kept, or read-only', () => {
    const store = makeStore();
    renderWithStore(store, <SharePill />);
    inRoom(store);
    expect(screen.getByRole('status')).toHaveTextContent('Live · 3 people');
    expect(screen.getByRole('status')).toHaveClass('share-pill--online');
    act(() => store.getState().setShare({ peers: [] }));
    expect(screen.getByRole('status')).toHaveTextContent('Live · 1 person');
    act(() => store.getState().setShare({ status: 'offline' }));
    expect(screen.getByRole('status')).toHaveTextContent('Offline – edits kept');
    expect(screen.getByRole('status')).toHaveClass('share-pill--offline');
    act(() => store.getState().setShare({ status: 'too-large' }));
    expect(screen.getByRole('status')).toHaveTextContent('Not shared – too large');
    act(() => store.getState().setShare({ status: 'online', access: 'read-only' }));
    expect(screen.getByRole('status')).toHaveTextContent('Read-only');
    expect(screen.getByRole('status')).toHaveClass('share-pill--read-only');
  });

  it('says the same in German, with no English left', async () => {
    const store = makeStore();
    const { container } = renderWithStore(store, <SharePill />);
    await german();
    inRoom(store);
    expect(screen.getByRole('status')).toHaveTextContent('Live · 3 Personen');
    expect(englishIn(container)).toEqual([]);
    act(() => store.getState().setShare({ status: 'offline' }));
    expect(screen.getByRole('status')).toHaveTextContent('Offline – nichts geht verloren');
    expect(englishIn(container)).toEqual([]);
    act(() => store.getState().setShare({ status: 'online', access: 'read-only' }));
    expect(screen.getByRole('status')).toHaveTextContent('Schreibgeschützt');
    expect(englishIn(container)).toEqual([]);
  });
});

/** What the app does with useShare on start, without the rest of the app. */
function UseShare() {
  useShare();
  return null;
}

describe('opening the app by a share link', () => {
  const open = (hash: string) => {
    window.history.replaceState(null, '', `/${hash}`);
    const store = makeStore();
    render(
      <AppStoreProvider store={store}>
        <UseShare />
      </AppStoreProvider>,
    );
    return store;
  };
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('says so when the link names a room badly, and joins nothing', () => {
    const store = open('#edit=too-short');
    const titles = store.getState().notices.map((n) => english(n.title as Message));
    expect(titles).toEqual([english({ key: 'store:share.badLink' })]);
    expect(titles[0]).toMatch(/cut short or mistyped/);
    expect(store.getState().share.status).toBe('off');
  });

  it('says nothing for an address without a share link', () => {
    const store = open('#something-else');
    expect(store.getState().notices).toEqual([]);
    expect(store.getState().share.status).toBe('off');
  });
});

describe('the toolbar', () => {
  it('has a Share button (icon and text) that opens the dialog, and the pill only while in a room', async () => {
    const { container, store, user } = renderApp(makeDocument());
    const toolbar = container.querySelector('.toolbar') as HTMLElement;
    const button = within(toolbar).getByRole('button', { name: 'Share' });
    expect(button.querySelector('svg')).not.toBeNull();
    expect(within(toolbar).queryByRole('status')).toBeNull();
    await user.click(button);
    expect(screen.getByRole('dialog', { name: 'Share this diagram' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Share this diagram' })).toBeNull();
    act(() => store.getState().setShare({ status: 'offline' }));
    expect(within(toolbar).getByRole('status')).toHaveTextContent('Offline – edits kept');
  });
});
