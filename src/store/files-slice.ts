/**
 * The files slice: what opening, saving and autosaving tell the user (notices), what they ask
 * (confirm), and the autosave's state and commands. Never saved or undone.
 */
import type { FilesSlice, SliceCreator, StoreOptions } from './store-types';
import type { Notice } from './ui-types';

/** Notices kept on screen at once; older ones give way. */
const MAX_NOTICES = 6;

/** The files slice, starting with the notices and autosave state the boot found. */
export function createFilesSlice(options: StoreOptions): SliceCreator<FilesSlice> {
  return (set, get) => {
    let noticeSeq = 0;
    const notices: Notice[] = (options.notices ?? []).map((n) => ({ ...n, id: ++noticeSeq }));
    /** The first waiting question on screen, or none. */
    const showNext = () => {
      const [next = null, ...rest] = get().confirmsWaiting;
      set({ confirm: next, confirmsWaiting: rest });
    };

    return {
      notices,
      confirm: null,
      confirmsWaiting: [],
      autosave: options.autosave ?? { mode: 'disabled' },
      autosaveCommands: null,

      notify(notice) {
        const id = ++noticeSeq;
        set({ notices: [...get().notices, { ...notice, id }].slice(-MAX_NOTICES) });
        return id;
      },
      dismissNotice(id) {
        set({ notices: get().notices.filter((n) => n.id !== id) });
      },
      askConfirm(request) {
        // A question never replaces another: the one replaced would go unanswered, and whoever
        // asked it (an open holding its file) would wait for good.
        const { confirm, confirmsWaiting } = get();
        if (confirm === null) set({ confirm: request });
        else set({ confirmsWaiting: [...confirmsWaiting, request] });
      },
      withdrawConfirm(request) {
        const { confirm, confirmsWaiting } = get();
        if (confirm === request) showNext();
        else if (confirmsWaiting.includes(request))
          set({ confirmsWaiting: confirmsWaiting.filter((r) => r !== request) });
      },
      answerConfirm(ok) {
        const request = get().confirm;
        showNext();
        if (ok) request?.onConfirm();
        else request?.onCancel?.();
      },
      setAutosave(status, commands) {
        set(commands === undefined ? { autosave: status } : { autosave: status, autosaveCommands: commands });
      },
    };
  };
}
