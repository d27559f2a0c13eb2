import { useEffect, useRef } from 'react';
import { saveDocumentFile } from '@/store/file-commands';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import type { Notice } from '@/store/ui-types';
import { Icon } from './icons';

const FADE_MS = 6000;

function Toast({ notice }: { notice: Notice }) {
  const store = useAppStoreApi();
  const sticky = notice.sticky || notice.tone === 'error';
  useEffect(() => {
    if (sticky) return;
    const timer = setTimeout(() => store.getState().dismissNotice(notice.id), FADE_MS);
    return () => clearTimeout(timer);
  }, [sticky, notice.id, store]);
  return (
    <div className={`toast toast--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <Icon name={notice.tone === 'success' ? 'check' : notice.tone === 'info' ? 'info' : 'warning'} />
      <div className="toast__text">
        <p className="toast__title">{notice.title}</p>
        {notice.details && notice.details.length > 0 && (
          <ul className="toast__details">
            {notice.details.slice(0, 12).map((d, i) => (
              <li key={i}>{d}</li>
            ))}
            {notice.details.length > 12 && <li>… and {notice.details.length - 12} more</li>}
          </ul>
        )}
      </div>
      <button
        type="button"
        className="icon-button"
        aria-label="Dismiss message"
        onClick={() => store.getState().dismissNotice(notice.id)}
      >
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}

/** Messages about what just happened: refused links, opened files, restore reports. */
export function Toasts() {
  const notices = useAppStore((s) => s.notices);
  return (
    <div className="toasts" aria-live="polite">
      {notices.map((n) => (
        <Toast key={n.id} notice={n} />
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
  if (autosave.mode !== 'off' && autosave.mode !== 'readonly' && autosave.mode !== 'conflict') return null;
  return (
    <div className={`banner banner--${autosave.mode}`} role="alert">
      <Icon name="warning" />
      <p className="banner__text">{autosave.message}</p>
      <div className="banner__actions">
        {autosave.mode === 'conflict' ? (
          <>
            <button type="button" className="small-button" onClick={() => commands?.reload()}>
              Reload the other tab’s copy
            </button>
            <button
              type="button"
              className="small-button small-button--quiet"
              onClick={() => commands?.keep()}
            >
              Keep this tab’s copy
            </button>
          </>
        ) : (
          <>
            <button type="button" className="small-button" onClick={() => saveDocumentFile(store)}>
              <Icon name="download" size={14} /> Download a copy
            </button>
            {autosave.mode === 'off' && commands && (
              <button
                type="button"
                className="small-button small-button--quiet"
                onClick={() => commands.retry()}
              >
                Try again
              </button>
            )}
          </>
        )}
      </div>
    </div>
  );
}

/** Asks before anything is lost (New, Open and template replace). */
export function ConfirmDialog() {
  const store = useAppStoreApi();
  const request = useAppStore((s) => s.confirm);
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
          {request.title}
        </h2>
        <p id="confirm-text">{request.message}</p>
        <div className="dialog__actions">
          <button
            type="button"
            className="small-button small-button--quiet"
            onClick={() => store.getState().answerConfirm(false)}
          >
            Cancel
          </button>
          <button
            type="button"
            ref={confirmButton}
            className="small-button"
            onClick={() => store.getState().answerConfirm(true)}
          >
            {request.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
