import { useProblemCounts } from '@/store/derived';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import { Icon } from './icons';

/** The toolbar's status: the autosave's state and the checks' count (split from toolbar.tsx for size). */

export function AutosaveState() {
  const autosave = useAppStore((s) => s.autosave);
  if (autosave.mode === 'disabled') return null;
  const text =
    autosave.mode === 'on'
      ? autosave.savedAt
        ? `Autosaved ${new Date(autosave.savedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`
        : 'Autosave on'
      : autosave.mode === 'conflict'
        ? 'Autosave paused'
        : 'Autosave off';
  return (
    <span
      className={`autosave-state autosave-state--${autosave.mode}`}
      title={autosave.message ?? 'Saved in this browser'}
    >
      <span className="autosave-state__dot" aria-hidden="true" />
      {text}
    </span>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Always in view: how many errors and warnings the checks found; opens the Problems panel. */
export function ProblemsIndicator() {
  const store = useAppStoreApi();
  const counts = useProblemCounts();
  const open = useAppStore((s) => s.sidePanel === 'problems');
  const parts: string[] = [];
  if (counts.error > 0) parts.push(plural(counts.error, 'error'));
  if (counts.warning > 0) parts.push(plural(counts.warning, 'warning'));
  const level = counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : 'ok';
  return (
    <button
      type="button"
      className={`tool-button problems-indicator problems-indicator--${level}${open ? ' tool-button--active' : ''}`}
      aria-pressed={open}
      onClick={() => store.getState().setSidePanel(open ? 'inspector' : 'problems')}
      title={`Checks: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}. Open the Problems panel.`}
    >
      <Icon name={level === 'error' ? 'error' : level === 'warning' ? 'warning' : 'check'} />
      <span>
        <span className="visually-hidden">Problems:</span>{' '}
        {parts.length > 0 ? parts.join(' · ') : 'No problems'}
      </span>
    </button>
  );
}
