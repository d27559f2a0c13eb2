import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShareController } from '@/store/share-controller';
import type { ShareState } from '@/store/share-slice';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import { ShareNameField } from './share-name-field';
import { browserStorage, guestId, rememberedName, rememberName, sharing } from './use-share';

/** How long a room may stay unconnected before the dialog says the server is missing. */
export const NO_SERVER_AFTER_MS = 8000;

/** Two people joined by a line, in the line style of icons.tsx. */
function ShareIcon() {
  return (
    <svg
      className="icon"
      width={16}
      height={16}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2.5 20a6.5 6.5 0 0 1 13 0M16 4.3a3.5 3.5 0 0 1 0 6.4M18 14a6.5 6.5 0 0 1 3.5 6" />
    </svg>
  );
}

/**
 * The toolbar's Share button and its dialog.
 *
 * @param controller - the app's share controller (useShare)
 */
export function ShareButton({ controller }: { controller: ShareController }) {
  const [open, setOpen] = useState(false);
  const inRoom = useAppStore((s) => s.share.status !== 'off');
  const { t } = useTranslation('toolbar');
  return (
    <>
      <button
        type="button"
        className={`tool-button share-button${open || inRoom ? ' tool-button--active' : ''}`}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        title={t('share.title')}
      >
        <ShareIcon />
        <span>{t('share.label')}</span>
      </button>
      {open && <ShareDialog controller={controller} onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * Whether a room has been trying for NO_SERVER_AFTER_MS without ever getting online: the app is
 * then served without the sync server (a static host, `npm run dev`). The status alone cannot say
 * it, as it swings between connecting and offline while the provider retries.
 */
export function useNeverOnline(status: ShareState['status']): boolean {
  const [late, setLate] = useState(false);
  const [wasOnline, setWasOnline] = useState(false);
  const inRoom = status !== 'off';
  if (status === 'online' && !wasOnline) setWasOnline(true);
  if (!inRoom && (wasOnline || late)) {
    setWasOnline(false);
    setLate(false);
  }
  useEffect(() => {
    if (!inRoom || wasOnline) return;
    const timer = setTimeout(() => setLate(true), NO_SERVER_AFTER_MS);
    return () => clearTimeout(timer);
  }, [inRoom, wasOnline]);
  return inRoom && !wasOnline && late;
}

/** A link with its Copy button: "Copied" once it is on the clipboard, else how to copy it by hand. */
function LinkField(props: { label: string; help: string; copyLabel: string; link: string }) {
  const { label, help, copyLabel, link } = props;
  const { t } = useTranslation('toolbar');
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => {
    if (copied !== 'yes') return;
    const timer = setTimeout(() => setCopied(undefined), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      // navigator.clipboard exists on secure pages only; a refusal leaves the link selected.
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('failed');
    }
  };
  return (
    <div className="field share-dialog__link">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="share-dialog__link-row">
        <input
          ref={input}
          id={id}
          className="field__input field__input--mono"
          readOnly
          value={link}
          aria-describedby={`${id}-help`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="small-button" aria-label={copyLabel} onClick={() => void copy()}>
          {copied === 'yes' ? t('share.copied') : t('share.copy')}
        </button>
      </div>
      <span id={`${id}-help`} className="field__help" role={copied ? 'status' : undefined}>
        {copied === 'failed' ? t('share.copyFailed') : help}
      </span>
    </div>
  );
}

/** Before sharing: what live editing is, the name the others see, and Start sharing. */
function StartSharing({ controller }: { controller: ShareController }) {
  const store = useAppStoreApi();
  const { t } = useTranslation('toolbar');
  const [name, setName] = useState(() => rememberedName(browserStorage()));
  const [guest] = useState(guestId);
  return (
    <>
      <p id="share-summary">{t('share.intro')}</p>
      <ShareNameField value={name} placeholder={t('share.guest', { id: guest })} onChange={setName} />
      <div className="dialog__actions">
        <button
          type="button"
          className="small-button"
          onClick={() => {
            rememberName(browserStorage(), name.trim() || t('share.guest', { id: guest }));
            void sharing(store, () => controller.share());
          }}
        >
          {t('share.start')}
        </button>
      </div>
    </>
  );
}

/** In a room: the links to hand out, who is here, and Leave room. */
function InRoom({ controller, onLeave }: { controller: ShareController; onLeave: () => void }) {
  const share = useAppStore((s) => s.share);
  const { t } = useTranslation('toolbar');
  const noServer = useNeverOnline(share.status);
  const readOnly = share.access === 'read-only';
  const [name, setName] = useState(() => rememberedName(browserStorage()));
  const [me, setMe] = useState(() => controller.userName());
  return (
    <>
      <ShareNameField
        value={name}
        placeholder={me}
        onChange={setName}
        onDone={() => {
          if (name.trim() === rememberedName(browserStorage())) return;
          rememberName(browserStorage(), name);
          controller.rename();
          setName(name.trim());
          setMe(controller.userName());
        }}
      />
      {share.status === 'connecting' && !noServer && <p role="status">{t('share.connecting')}</p>}
      {noServer && (
        <p role="alert" className="share-dialog__problem">
          {t('share.noServer')}
        </p>
      )}
      {readOnly && <p>{t('share.watching')}</p>}
      {share.links?.edit && !readOnly && (
        <LinkField
          label={t('share.editLink')}
          help={t('share.editLinkHelp')}
          copyLabel={t('share.copyEdit')}
          link={share.links.edit}
        />
      )}
      {share.links && (
        <LinkField
          label={t('share.viewLink')}
          help={t('share.viewLinkHelp')}
          copyLabel={t('share.copyView')}
          link={share.links.view}
        />
      )}
      <h3 className="share-dialog__heading">{t('share.people')}</h3>
      <ul className="share-dialog__people">
        <li>
          <span className="share-dialog__swatch share-dialog__swatch--you" aria-hidden="true" />
          {t('share.you', { name: me })}
        </li>
        {share.peers.map((peer) => (
          <li key={peer.client}>
            <span
              className="share-dialog__swatch"
              style={{ background: `var(--presence-${peer.colour})` }}
              aria-hidden="true"
            />
            {peer.name}
          </li>
        ))}
      </ul>
      {share.peers.length === 0 && <p className="field__help">{t('share.alone')}</p>}
      {share.keepsOwn && <p className="field__help">{t('share.leaveOwn')}</p>}
      <div className="dialog__actions">
        <button
          type="button"
          className="small-button small-button--quiet"
          onClick={() => {
            controller.leave();
            onLeave();
          }}
        >
          {t('share.leave')}
        </button>
      </div>
    </>
  );
}

/**
 * The Share dialog: before sharing it explains live editing and starts it; in a room it hands out
 * the links (a read-only participant only the read-only one), lists who is here and leaves.
 */
export function ShareDialog({ controller, onClose }: { controller: ShareController; onClose: () => void }) {
  const inRoom = useAppStore((s) => s.share.status !== 'off');
  const { t } = useTranslation('toolbar');
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('input, button:not(.share-dialog__close)')?.focus();
  }, []);
  return (
    <div className="overlay">
      <div
        ref={dialog}
        className="dialog share-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="share-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <div className="share-dialog__top">
          <h2 id="share-title" className="dialog__title">
            {t('share.dialogTitle')}
          </h2>
          <button
            type="button"
            className="small-button small-button--quiet share-dialog__close"
            onClick={onClose}
          >
            {t('share.close')}
          </button>
        </div>
        {inRoom ? (
          <InRoom controller={controller} onLeave={onClose} />
        ) : (
          <StartSharing controller={controller} />
        )}
      </div>
    </div>
  );
}
