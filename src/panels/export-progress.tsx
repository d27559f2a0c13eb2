import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '@/domain/message';
import { useWords } from '@/store/use-words';

/** Where an export stands: `starting` until the first word from the exporter. */
export type ExportStage = 'starting' | 'drawing' | 'rows' | 'packing';

export interface ExportProgressState {
  /** What the Export menu asked for (`xlsx`, `csv`, `png`): its menu item shows it busy. */
  readonly kind: string;
  /** What is being written: `Excel workbook`, `CSV file` (the format's noun). */
  readonly noun: Message | string;
  readonly stage: ExportStage;
  readonly done: number;
  readonly total: number;
}

/**
 * Where the running export's progress goes: the exporter sets it, only the progress panel
 * re-renders. Kept out of the app's state, whose every change re-renders the shell and with it a
 * canvas of a thousand hosts, once per progress step.
 */
export interface ExportProgressChannel {
  get(): ExportProgressState | null;
  set(state: ExportProgressState | null): void;
  subscribe(listener: () => void): () => void;
}

export function createExportProgressChannel(): ExportProgressChannel {
  let current: ExportProgressState | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(state) {
      current = state;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The export running now (its kind), or null: for the toolbar's busy state. */
export function useExportBusy(channel: ExportProgressChannel): string | null {
  return useSyncExternalStore(channel.subscribe, () => channel.get()?.kind ?? null);
}

/** The progress panel while an export runs through `channel`; nothing otherwise. */
export function ExportProgressSlot({
  channel,
  onCancel,
}: {
  channel: ExportProgressChannel;
  onCancel: () => void;
}) {
  const state = useSyncExternalStore(channel.subscribe, channel.get);
  return state ? <ExportProgress state={state} onCancel={onCancel} /> : null;
}

/**
 * The running export: what is written, its phase (drawing the picture, rows n of N, packing), a
 * progress bar and Cancel. Shown for every export while it runs; Cancel stops it and no file comes.
 */
export function ExportProgress({ state, onCancel }: { state: ExportProgressState; onCancel: () => void }) {
  const { t } = useTranslation('notices');
  const { say } = useWords();
  const { stage, done, total } = state;
  const counted = stage === 'rows' && total > 0;
  return (
    <section className="export-progress toast" aria-label={t('export.progress.region')}>
      <div className="toast__text">
        <p className="toast__title">{t('export.progress.title', { noun: say(state.noun) })}</p>
        <p className="export-progress__phase" role="status">
          {counted ? t('export.progress.rows', { done, total }) : t(`export.progress.${stage}`)}
        </p>
        {/* Without a value the bar is indeterminate: drawing and packing are one step each. */}
        <progress
          className="export-progress__bar"
          aria-label={t('export.progress.bar')}
          {...(counted ? { max: total, value: done } : {})}
        />
      </div>
      <button type="button" className="small-button" onClick={onCancel}>
        {t('export.progress.cancel')}
      </button>
    </section>
  );
}
