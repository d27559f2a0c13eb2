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

    return {
      notices,
      confirm: null,
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
        set({ confirm: request });
      },
      withdrawConfirm(request) {
        if (get().confirm === request) set({ confirm: null });
      },
      answerConfirm(ok) {
        const request = get().confirm;
        set({ confirm: null });
        if (ok) request?.onConfirm();
        else request?.onCancel?.();
      },
      setAutosave(status, commands) {
        set(commands === undefined ? { autosave: status } : { autosave: status, autosaveCommands: commands });
      },
    };
  };
}
