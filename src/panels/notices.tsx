import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { type Message, message } from '@/domain/message';
import type { BackupEntry, BackupShelf } from '@/store/autosave-backups';
import { downloadFile } from '@/store/download';
import { saveDocumentFile } from '@/store/file-commands';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import type { Notice } from '@/store/ui-types';
import { useWords } from '@/store/use-words';
import { Icon } from './icons';

const FADE_MS = 6000;

/** Notices that say the same thing (tone, title and details), shown once with a count. */
interface NoticeGroup {
  readonly notice: Notice;
  readonly ids: readonly number[];
}

const sameText = (a: Notice, b: Notice) =>
  a.tone === b.tone &&
  JSON.stringify([a.title, a.details ?? []]) === JSON.stringify([b.title, b.details ?? []]);

/** Repeats merged into the latest one, in the order their latest arrived. */
export function groupNotices(notices: readonly Notice[]): NoticeGroup[] {
  const groups: { notice: Notice; ids: number[] }[] = [];
  for (const n of notices) {
    const i = groups.findIndex((g) => sameText(g.notice, n));
    const ids = i >= 0 ? [...(groups[i]?.ids ?? []), n.id] : [n.id];
    if (i >= 0) groups.splice(i, 1);
    groups.push({ notice: n, ids });
  }
  return groups;
}

function Toast({ notice, ids }: NoticeGroup) {
  const { say } = useWords();
  const { t } = useTranslation('notices');
  const store = useAppStoreApi();
  const sticky = notice.sticky || notice.tone === 'error';
  const dismiss = () => {
    for (const id of ids) store.getState().dismissNotice(id);
  };
  // The timer restarts with each repeat (the latest id): a message said again stays a while longer.
  const idsKey = ids.join(' ');
  useEffect(() => {
    if (sticky) return;
    const timer = setTimeout(() => {
      for (const id of idsKey.split(' ')) store.getState().dismissNotice(Number(id));
    }, FADE_MS);
    return () => clearTimeout(timer);
  }, [sticky, idsKey, store]);
  return (
    <div className={`toast toast--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <Icon name={notice.tone === 'success' ? 'check' : notice.tone === 'info' ? 'info' : 'warning'} />
      <div className="toast__text">
        <p className="toast__title">
          {say(notice.title)}
          {ids.length > 1 && <span className="toast__count"> ×{ids.length}</span>}
        </p>
        {notice.details && notice.details.length > 0 && (
          <ul className="toast__details">
            {notice.details.slice(0, 12).map((d, i) => (
              <li key={i}>{say(d)}</li>
            ))}
            {notice.details.length > 12 && <li>{t('more', { count: notice.details.length - 12 })}</li>}
          </ul>
        )}
      </div>
      <button type="button" className="icon-button" aria-label={t('dismiss')} onClick={dismiss}>
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}

/**
 * Messages about what just happened: refused links, opened files, restore reports. They stack in
 * the canvas's top-right corner, away from where hosts are dropped, repeats merged; while anything
 * is dragged they let the pointer through, so a drop on a toast lands on the canvas beneath.
 */
export function Toasts() {
  const notices = useAppStore((s) => s.notices);
  const groups = useMemo(() => groupNotices(notices), [notices]);
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const start = () => setDragging(true);
    const end = () => setDragging(false);
    window.addEventListener('dragstart', start);
    window.addEventListener('dragend', end);
    window.addEventListener('drop', end);
    return () => {
      window.removeEventListener('dragstart', start);
      window.removeEventListener('dragend', end);
      window.removeEventListener('drop', end);
    };
  }, []);
  return (
    <div className={`toasts${dragging ? ' toasts--passive' : ''}`} aria-live="polite">
      {groups.map((g) => (
        <Toast key={g.notice.id} notice={g.notice} ids={g.ids} />
      ))}
    </div>
  );
}

/**
 * The persistent banner while autosave is not saving: storage full or refused (download a copy),
 * a newer version in storage (never overwritten), or another tab's newer copy (reload or keep).
 */
export function AutosaveBanner() {
  const store = useAppStoreApi();
  const autosave = useAppStore((s) => s.autosave);
  const commands = useAppStore((s) => s.autosaveCommands);
  const { t } = useTranslation('notices');
  const { say } = useWords();
  if (autosave.mode !== 'off' && autosave.mode !== 'readonly' && autosave.mode !== 'conflict') return null;
  return (
    <div className={`banner banner--${autosave.mode}`} role="alert">
      <Icon name="warning" />
      <p className="banner__text">{autosave.message ? say(autosave.message) : null}</p>
      <div className="banner__actions">
        {autosave.mode === 'conflict' ? (
          <>
            <button type="button" className="small-button" onClick={() => commands?.reload()}>
              {t('autosave.reload')}
            </button>
            <button
              type="button"
              className="small-button small-button--quiet"
              onClick={() => commands?.keep()}
            >
              {t('autosave.keep')}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="small-button" onClick={() => saveDocumentFile(store)}>
              <Icon name="download" size={14} /> {t('autosave.download')}
            </button>
            {autosave.mode === 'off' && commands && (
              <button
                type="button"
                className="small-button small-button--quiet"
                onClick={() => commands.retry()}
              >
                {t('autosave.retry')}
              </button>
            )}
          </>
        )}
      </div>
    </div>
  );
}

/** A stored copy's size, in the reader's number format: `1.5 MB`, `12 kB`. */
function sizeOf(chars: number): Message {
  return chars >= 1024 * 1024
    ? message('notices:kept.megabytes', { size: chars / 1024 / 1024 })
    : message('notices:kept.kilobytes', { size: Math.max(1, Math.ceil(chars / 1024)) });
}

/** `cm-port-planner/autosave-corrupt-1a2b…` as a file name: `autosave-corrupt-1a2b….json`. */
const fileNameOf = (entry: BackupEntry) =>
  `${(entry.key ?? entry.id).replace(/^.*\//, '').replace(/^memory:/, '')}.json`;

/**
 * Copies of stored work the app could not use or would have overwritten (an unreadable or
 * repaired autosave, this tab's edits after another tab won, the other tab's copy before Keep),
 * each offered as a download exactly as it was stored, and deletable once the user has it.
 */
export function KeptCopies({ shelf }: { shelf: BackupShelf }) {
  const store = useAppStoreApi();
  const entries = useStore(shelf, (s) => s.entries);
  const { t } = useTranslation('notices');
  const { say } = useWords();
  if (entries.length === 0) return null;
  const download = (entry: BackupEntry) => {
    const text = shelf.textOf(entry.id);
    if (text !== undefined) downloadFile(text, fileNameOf(entry), 'application/json');
  };
  const remove = (entry: BackupEntry) =>
    store.getState().askConfirm({
      title: message('notices:kept.confirmTitle'),
      message: message('notices:kept.confirmMessage', {
        title: say(entry.title),
        size: { message: sizeOf(entry.chars) },
      }),
      confirmLabel: message('notices:kept.confirmLabel'),
      onConfirm: () => shelf.remove(entry.id),
    });
  return (
    <section className="banner kept-copies" aria-label={t('kept.region')}>
      <Icon name="info" />
      <div className="banner__text">
        <p>{t('kept.intro', { count: entries.length })}</p>
        <ul className="kept-copies__list">
          {entries.map((entry) => (
            <li key={entry.id} className="banner__actions">
              <span>
                {t(entry.key ? 'kept.entry' : 'kept.entryTab', {
                  title: say(entry.title),
                  size: say(sizeOf(entry.chars)),
                })}
              </span>
              <button type="button" className="small-button" onClick={() => download(entry)}>
                <Icon name="download" size={14} /> {t('kept.download')}
              </button>
              <button
                type="button"
                className="small-button small-button--quiet"
                aria-label={t('kept.delete', { title: say(entry.title) })}
                onClick={() => remove(entry)}
              >
                <Icon name="trash" size={14} />
              </button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

/** Asks before anything is lost (New, Open and template replace). */
export function ConfirmDialog() {
  const store = useAppStoreApi();
  const request = useAppStore((s) => s.confirm);
  const { say } = useWords();
  const { t } = useTranslation('notices');
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (request) confirmButton.current?.focus();
  }, [request]);
  if (!request) return null;
  return (
    <div className="overlay">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-text"
        onKeyDown={(e) => {
          if (e.key === 'Escape') store.getState().answerConfirm(false);
        }}
      >
        <h2 id="confirm-title" className="dialog__title">
          {say(request.title)}
        </h2>
        <p id="confirm-text">{say(request.message)}</p>
        <div className="dialog__actions">
          <button
            type="button"
            className="small-button small-button--quiet"
            onClick={() => store.getState().answerConfirm(false)}
          >
            {t('confirm.cancel')}
          </button>
          <button
            type="button"
            ref={confirmButton}
            className="small-button"
            onClick={() => store.getState().answerConfirm(true)}
          >
            {say(request.confirmLabel)}
          </button>
        </div>
      </div>
    </div>
  );
}
