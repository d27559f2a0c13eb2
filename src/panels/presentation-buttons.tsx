import { useTranslation } from 'react-i18next';

/** A projection screen on its stand, in the line style of icons.tsx. */
function ScreenIcon() {
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
      <path d="M3 4h18M4 4v11h16V4M12 15v5M8 20h8" />
    </svg>
  );
}

/** The toolbar's "Present" button: an icon named by its label, like Tidy (the bar is tight at 1366 px). */
export function PresentButton({ onPresent }: { onPresent: () => void }) {
  const { t } = useTranslation('toolbar');
  return (
    <button
      type="button"
      className="tool-button tool-button--icon"
      onClick={onPresent}
      aria-label={t('present.label')}
      aria-keyshortcuts="P"
      title={t('present.title')}
    >
      <ScreenIcon />
    </button>
  );
}

/** While presenting, the one control on screen: faint until pointed at or focused. */
export function LeavePresentationButton({ onLeave }: { onLeave: () => void }) {
  const { t } = useTranslation('toolbar');
  return (
    <button
      type="button"
      className="presentation-exit"
      onClick={onLeave}
      aria-keyshortcuts="Escape"
      title={t('present.leaveTitle')}
    >
      {t('present.leave')}
    </button>
  );
}

/** A chevron pointing left or right. */
function Chevron({ towards }: { towards: 'left' | 'right' }) {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d={towards === 'left' ? 'M15 5l-7 7 7 7' : 'M9 5l7 7-7 7'}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export interface FoldButtonProps {
  /** Which column: the roles on the left, the inspector's column on the right. */
  readonly panel: 'roles' | 'side';
  readonly expanded: boolean;
  readonly onToggle: () => void;
  /** The id of what it shows and hides, while shown. */
  readonly controls?: string;
}

/**
 * Folds a side column away or back. Its name stays the panel's; `aria-expanded` says which way it
 * stands, and the chevron points where the panel goes.
 */
export function FoldButton({ panel, expanded, onToggle, controls }: FoldButtonProps) {
  const outward = panel === 'roles' ? 'left' : 'right';
  const inward = panel === 'roles' ? 'right' : 'left';
  const { t } = useTranslation('toolbar');
  return (
    <button
      type="button"
      className="icon-button fold-button"
      aria-label={panel === 'roles' ? t('panels.roles') : t('panels.side')}
      aria-expanded={expanded}
      {...(expanded && controls ? { 'aria-controls': controls } : {})}
      title={expanded ? t('panels.fold') : t('panels.unfold')}
      onClick={onToggle}
    >
      <Chevron towards={expanded ? outward : inward} />
    </button>
  );
}

/** A folded column: the button that unfolds it and the panel's name, written upwards. */
export function FoldedPanel(props: {
  panel: 'roles' | 'side';
  title: string;
  onToggle: () => void;
  /** Out of sight (presentation mode). */
  hidden?: boolean;
}) {
  const { panel, title, onToggle, hidden = false } = props;
  return (
    <aside className={`folded-panel folded-panel--${panel}`} aria-label={title} hidden={hidden}>
      <FoldButton panel={panel} expanded={false} onToggle={onToggle} />
      <span className="folded-panel__title" aria-hidden="true">
        {title}
      </span>
    </aside>
  );
}
