import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState } from '@/store/app-store';
import { ROLE_DRAG_TYPE } from '@/store/drag-role';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import { useCatalogue } from '@/store/use-catalogue';
import { useWords } from '@/store/use-words';
import { Icon } from './icons';
import { PaletteZones } from './palette-zones';
import { FoldButton, FoldedPanel } from './presentation-buttons';

export interface PaletteProps {
  /** Shown, or folded to a narrow rail (at 1366 px the canvas wants the room); shown when not given. */
  readonly open?: boolean;
  /** Folds or unfolds the palette; no fold button without it. */
  readonly onToggle?: () => void;
}

/**
 * Every role of the edition in force, grouped; a role the edition retired only while a host holds
 * it. Drag a role onto the canvas for a new host (or onto a host
 * to add the role); click or press Enter to add a host in the middle of the view.
 */
export function Palette({ open = true, onToggle }: PaletteProps) {
  const { t } = useTranslation('panels');
  if (!open && onToggle) return <FoldedPanel panel="roles" title={t('palette.title')} onToggle={onToggle} />;
  return <RoleList {...(onToggle ? { onToggle } : {})} />;
}

function RoleList({ onToggle }: { onToggle?: () => void }) {
  const store = useAppStoreApi();
  const { t } = useTranslation('panels');
  const catalogue = useCatalogue();
  // Names and descriptions as the app's language writes them; the same roles, ids and groups.
  const words = useWords().catalogue;
  const [filter, setFilter] = useState('');
  // Retired roles of the edition in force that some host holds, as one string, so the palette
  // re-renders only when that set changes, not on every edit.
  const heldRetired = useAppStore(
    useCallback(
      (s: AppState) =>
        catalogue.roles
          .filter((r) => r.retired && s.hosts.some((h) => h.roles.includes(r.id)))
          .map((r) => r.id)
          .join(' '),
      [catalogue],
    ),
  );

  const groups = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const shownRetired = new Set(heldRetired.split(' '));
    // A search finds a role by its English name, its German names or its shown name, in either language.
    const matches = (name: string) => name.toLowerCase().includes(q);
    return words.roleGroups
      .map((group) => ({
        group,
        roles: words.roles.filter(
          (r) =>
            r.group === group.id &&
            (!r.retired || shownRetired.has(r.id)) &&
            (q === '' ||
              matches(r.name) ||
              matches(catalogue.roleById.get(r.id)?.name ?? '') ||
              matches(r.abbr) ||
              r.namesDe.some(matches)),
        ),
      }))
      .filter((g) => g.roles.length > 0);
  }, [catalogue, words, filter, heldRetired]);

  return (
    <aside className="palette" aria-label={t('palette.title')}>
      <div className="panel-head">
        <h2 className="panel-title">{t('palette.title')}</h2>
        <span className="panel-hint">{t('palette.hint')}</span>
        {onToggle && <FoldButton panel="roles" expanded onToggle={onToggle} controls="palette-list" />}
      </div>
      <div className="palette__search">
        <Icon name="search" size={14} />
        <input
          type="search"
          placeholder={t('palette.search')}
          aria-label={t('palette.search')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      <div className="palette__list" id="palette-list">
        {groups.map(({ group, roles }) => (
          <section key={group.id} className="palette__group" aria-labelledby={`palette-${group.id}`}>
            <h3 id={`palette-${group.id}`} className="palette__group-title">
              {group.name}
            </h3>
            <ul>
              {roles.map((role) => (
                <li key={role.id}>
                  <button
                    type="button"
                    className="palette__item"
                    draggable
                    aria-label={t('palette.add', { role: role.name })}
                    title={
                      role.retired
                        ? t('palette.retiredTitle', {
                            description: role.description,
                            release: role.retired.release,
                            reason: role.retired.reason,
                          })
                        : t('palette.itemTitle', { description: role.description })
                    }
                    onDragStart={(e) => {
                      e.dataTransfer.setData(ROLE_DRAG_TYPE, role.id);
                      e.dataTransfer.effectAllowed = 'copy';
                    }}
                    onClick={() => store.getState().addHost(role.id)}
                  >
                    <span className="role-badge" style={{ background: role.color }}>
                      {role.abbr}
                    </span>
                    <span className="palette__name">
                      {role.name}
                      {role.retired && ` ${t('palette.retired', { release: role.retired.release })}`}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
        <PaletteZones filter={filter} />
        {groups.length === 0 && <p className="panel-empty">{t('palette.noMatch', { filter })}</p>}
      </div>
    </aside>
  );
}
