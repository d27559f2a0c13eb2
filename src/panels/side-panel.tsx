import { useTranslation } from 'react-i18next';
import { useProblemCounts } from '@/store/derived';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import { Inspector } from './inspector';
import { FoldButton, FoldedPanel } from './presentation-buttons';
import { ProblemsPanel } from './problems-panel';
import { SettingsPanel } from './settings-panel';

/** The tabs and their names' keys (toolbar namespace). */
const TABS = [
  ['inspector', 'tabs.inspector'],
  ['settings', 'tabs.settings'],
  ['problems', 'tabs.problems'],
] as const;

export interface SidePanelProps {
  /** Shown, or folded to a narrow rail (at 1366 px the canvas wants the room); shown when not given. */
  readonly open?: boolean;
  /** Folds or unfolds the column; no fold button without it. */
  readonly onToggle?: () => void;
  /** Out of sight (presentation mode) but kept, with what its fields hold. */
  readonly hidden?: boolean;
}

/** The right-hand column: the inspector of the selection, the site settings, or the problems. */
export function SidePanel({ open = true, onToggle, hidden = false }: SidePanelProps) {
  const store = useAppStoreApi();
  const panel = useAppStore((s) => s.sidePanel);
  const counts = useProblemCounts();
  const serious = counts.error + counts.warning;
  const { t } = useTranslation('toolbar');
  const label = t(TABS.find(([id]) => id === panel)?.[1] ?? 'tabs.inspector');
  if (!open && onToggle)
    return <FoldedPanel panel="side" title={label} onToggle={onToggle} hidden={hidden} />;
  return (
    <aside className="side-panel" aria-label={label} hidden={hidden}>
      <div className="side-panel__head">
        <div className="tabs" role="tablist" aria-label={t('panels.side')}>
          {TABS.map(([id, key]) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`tab-${id}`}
              aria-selected={panel === id}
              aria-controls="side-panel-body"
              className="tabs__tab"
              onClick={() => store.getState().setSidePanel(id)}
            >
              {t(key)}
              {id === 'problems' && serious > 0 && (
                <span className={`tabs__count tabs__count--${counts.error > 0 ? 'error' : 'warning'}`}>
                  {serious}
                </span>
              )}
            </button>
          ))}
        </div>
        {onToggle && <FoldButton panel="side" expanded onToggle={onToggle} controls="side-panel-body" />}
      </div>
      <div className="side-panel__body" id="side-panel-body" role="tabpanel" aria-labelledby={`tab-${panel}`}>
        {panel === 'settings' ? <SettingsPanel /> : panel === 'problems' ? <ProblemsPanel /> : <Inspector />}
      </div>
    </aside>
  );
}
