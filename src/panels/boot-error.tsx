/**
 * The last line of defence: should the app fail while drawing (a bug, or a stored diagram that
 * breaks a component), this shows what happened instead of a blank page, keeps the stored text
 * under a backup key and offers it, and the diagram in memory, as downloads.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupShelf } from '@/store/autosave-backups';
import { storedAutosaveText } from '@/store/autosave-read';
import { downloadFile } from '@/store/download';

export interface AppErrorBoundaryProps {
  readonly children: ReactNode;
  /** Where the stored text is kept aside; absent in tests and embedded use. */
  readonly shelf?: BackupShelf;
  /** Browser storage holding the autosave, if any. */
  readonly storage?: Storage;
  /** The diagram in memory as a file's text, when it can still be serialised. */
  readonly currentText?: () => string;
  /** Starts again with an empty diagram (after the stored text was kept). */
  readonly onStartEmpty?: () => void;
}

interface State {
  readonly error?: string | undefined;
  readonly keptKey?: string;
}

function storedText(storage: Storage | undefined): string | undefined {
  try {
    return storedAutosaveText(storage) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Catches render errors below it and shows {@link BootError} in their place. */
export class AppErrorBoundary extends Component<AppErrorBoundaryProps, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    // Empty: the page says "an unknown error" in the reader's language.
    let text = '';
    try {
      text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    } catch {
      // A value that cannot even be turned into text: the generic words will do.
    }
    return { error: text.slice(0, 300) };
  }

  override componentDidCatch(_error: unknown, _info: ErrorInfo): void {
    const text = storedText(this.props.storage);
    const keptKey = text === undefined ? undefined : this.props.shelf?.keep('boot', text);
    if (keptKey) this.setState({ keptKey });
  }

  override render(): ReactNode {
    if (this.state.error === undefined) return this.props.children;
    const { onStartEmpty } = this.props;
    // Starting empty overwrites the autosave, so it is offered only once the stored text is kept.
    const startEmpty =
      onStartEmpty && (this.state.keptKey || storedText(this.props.storage) === undefined)
        ? () => {
            onStartEmpty();
            this.setState({ error: undefined });
          }
        : undefined;
    return (
      <BootError
        error={this.state.error}
        {...(this.state.keptKey ? { keptKey: this.state.keptKey } : {})}
        stored={() => storedText(this.props.storage)}
        {...(this.props.currentText ? { current: this.props.currentText } : {})}
        {...(startEmpty ? { onStartEmpty: startEmpty } : {})}
      />
    );
  }
}

function safely(read: () => string | undefined): string | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** The page shown instead of the app after a failure: what happened, and the user's work to take. */
export function BootError(props: {
  /** The error as text; empty when it could not be put into text. */
  error: string;
  keptKey?: string;
  stored: () => string | undefined;
  current?: () => string;
  onStartEmpty?: () => void;
}) {
  const stored = safely(props.stored);
  const current = props.current ? safely(props.current) : undefined;
  const { t } = useTranslation('notices');
  return (
    <div className="app boot-error" role="alert">
      <h1>{t('bootError.title')}</h1>
      <p>{t('bootError.safe')}</p>
      <p>
        <code>{props.error || t('bootError.unknown')}</code>
      </p>
      {props.keptKey && <p>{t('bootError.kept', { key: props.keptKey })}</p>}
      <div className="banner__actions">
        {stored !== undefined && (
          <button
            type="button"
            className="small-button"
            onClick={() => downloadFile(stored, 'autosaved-diagram.json', 'application/json')}
          >
            {t('bootError.downloadStored')}
          </button>
        )}
        {current !== undefined && current !== stored && (
          <button
            type="button"
            className="small-button"
            onClick={() => downloadFile(current, 'diagram-in-this-tab.json', 'application/json')}
          >
            {t('bootError.downloadCurrent')}
          </button>
        )}
        <button type="button" className="small-button small-button--quiet" onClick={() => location.reload()}>
          {t('bootError.reload')}
        </button>
        {props.onStartEmpty && (
          <button type="button" className="small-button small-button--quiet" onClick={props.onStartEmpty}>
            {t('bootError.startEmpty')}
          </button>
        )}
      </div>
    </div>
  );
}
