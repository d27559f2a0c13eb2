import { useTranslation } from 'react-i18next';
import { useProblemCounts } from '@/store/derived';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import { useWords } from '@/store/use-words';
import { Icon } from './icons';

/**
 * The toolbar's status: the autosave's state, the checks' count and live editing's connection
 * (split from toolbar.tsx for size).
 */

export function AutosaveState() {
  const autosave = useAppStore((s) => s.autosave);
  const { t } = useTranslation('toolbar');
  const { say, language } = useWords();
  if (autosave.mode === 'disabled') return null;
  const text =
    autosave.mode === 'on'
      ? autosave.savedAt
        ? t('autosave.saved', {
            time: new Date(autosave.savedAt).toLocaleTimeString(language, {
              hour: '2-digit',
              minute: '2-digit',
            }),
          })
        : t('autosave.on')
      : autosave.mode === 'conflict'
        ? t('autosave.paused')
        : t('autosave.off');
  return (
    <span
      className={`autosave-state autosave-state--${autosave.mode}`}
      title={autosave.message ? say(autosave.message) : t('autosave.title')}
    >
      <span className="autosave-state__dot" aria-hidden="true" />
      {text}
    </span>
  );
}

/** Always in view: how many errors and warnings the checks found; opens the Problems panel. */
export function ProblemsIndicator() {
  const store = useAppStoreApi();
  const counts = useProblemCounts();
  const open = useAppStore((s) => s.sidePanel === 'problems');
  const { t } = useTranslation('toolbar');
  const errors = t('problems.errors', { count: counts.error });
  const warnings = t('problems.warnings', { count: counts.warning });
  const parts: string[] = [];
  if (counts.error > 0) parts.push(errors);
  if (counts.warning > 0) parts.push(warnings);
  const level = counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : 'ok';
  return (
    <button
      type="button"
      className={`tool-button problems-indicator problems-indicator--${level}${open ? ' tool-button--active' : ''}`}
      aria-pressed={open}
      onClick={() => store.getState().setSidePanel(open ? 'inspector' : 'problems')}
      title={t('problems.title', { errors, warnings, infos: t('problems.infos', { count: counts.info }) })}
    >
      <Icon name={level === 'error' ? 'error' : level === 'warning' ? 'warning' : 'check'} />
      <span>
        <span className="visually-hidden">{t('problems.label')}</span>{' '}
        {parts.length > 0 ? parts.join(' · ') : t('problems.none')}
      </span>
    </button>
  );
}

/** While in a room: edits live (with how many people), kept while offline, or watched read-only. */
export function SharePill() {
  const status = useAppStore((s) => s.share.status);
  const readOnly = useAppStore((s) => s.share.access === 'read-only');
  const people = useAppStore((s) => s.share.peers.length + 1);
  const { t } = useTranslation('toolbar');
  if (status === 'off') return null;
  const [state, text, title] =
    status === 'online'
      ? readOnly
        ? ['read-only', t('share.pill.readOnly'), t('share.pill.readOnlyTitle')]
        : ['online', t('share.pill.live', { count: people }), t('share.pill.liveTitle')]
      : status === 'offline'
        ? readOnly
          ? ['offline', t('share.pill.offlineReadOnly'), t('share.pill.readOnlyTitle')]
          : ['offline', t('share.pill.offline'), t('share.pill.offlineTitle')]
        : status === 'too-large'
          ? ['offline', t('share.pill.tooLarge'), t('share.pill.tooLargeTitle')]
          : ['connecting', t('share.pill.connecting'), t('share.title')];
  return (
    <span className={`share-pill share-pill--${state}`} role="status" title={title}>
      <span className="share-pill__dot" aria-hidden="true" />
      {text}
    </span>
  );
}
