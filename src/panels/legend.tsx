import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasGhosts, useServicesUsed } from '@/store/derived';
import { useWords } from '@/store/use-words';

/**
 * Explains link colours (the catalogue's service classes) and arrowheads. Compact: the classes the
 * diagram uses, the rest on request.
 */
export function Legend() {
  const { t } = useTranslation('panels');
  // Service names and descriptions as the app's language writes them.
  const catalogue = useWords().catalogue;
  // Counted per link by the store: an edit re-counts only the links it touched.
  const used = useServicesUsed();
  const ghosts = useHasGhosts();
  const [open, setOpen] = useState(true);
  const [all, setAll] = useState(false);
  const services = catalogue.services.filter((s) => all || used.has(s.id));
  const hidden = catalogue.services.length - services.length;

  return (
    <section className={`legend${open ? '' : ' legend--closed'}`} aria-label={t('legend.region')}>
      <button type="button" className="legend__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="panel-title">{t('legend.title')}</span>
      </button>
      {open && (
        <div className="legend__body">
          <ul className="legend__services">
            {services.map((s) => (
              <li key={s.id} className={used.has(s.id) ? undefined : 'legend__unused'} title={s.description}>
                <span className="legend__line" style={{ background: s.color }} aria-hidden="true" />
                {s.name}
              </li>
            ))}
            {services.length === 0 && <li className="legend__unused">{t('legend.noFlows')}</li>}
          </ul>
          {(hidden > 0 || all) && (
            <button type="button" className="text-button legend__more" onClick={() => setAll(!all)}>
              {all ? t('legend.onlyUsed') : t('legend.all', { count: catalogue.services.length })}
            </button>
          )}
          <ul className="legend__marks">
            <li>
              <svg width="30" height="10" viewBox="0 0 30 10" aria-hidden="true">
                <line x1="2" y1="5" x2="21" y2="5" stroke="var(--link-neutral)" strokeWidth="2.5" />
                <polygon points="29,5 20,0.5 20,9.5" fill="var(--link-arrow)" />
              </svg>
              {t('legend.arrow')}
            </li>
            <li>
              <svg width="30" height="10" viewBox="0 0 30 10" aria-hidden="true">
                <polygon points="1,5 10,0.5 10,9.5" fill="var(--link-arrow)" />
                <line x1="9" y1="5" x2="21" y2="5" stroke="var(--link-neutral)" strokeWidth="2.5" />
                <polygon points="29,5 20,0.5 20,9.5" fill="var(--link-arrow)" />
              </svg>
              {t('legend.both')}
            </li>
            <li>
              <svg width="30" height="10" viewBox="0 0 30 10" aria-hidden="true">
                <line
                  x1="2"
                  y1="5"
                  x2="28"
                  y2="5"
                  stroke="var(--danger)"
                  strokeWidth="2"
                  strokeDasharray="5 3"
                />
              </svg>
              {t('legend.empty')}
            </li>
            {ghosts && (
              <li>
                <svg width="30" height="12" viewBox="0 0 30 12" aria-hidden="true">
                  <line
                    x1="1"
                    y1="6"
                    x2="29"
                    y2="6"
                    stroke="var(--danger)"
                    strokeWidth="2"
                    strokeDasharray="7 5"
                  />
                  <circle
                    cx="15"
                    cy="6"
                    r="5"
                    fill="var(--surface)"
                    stroke="var(--danger)"
                    strokeWidth="1.4"
                  />
                </svg>
                {t('legend.ghost')}
              </li>
            )}
          </ul>
          <p className="legend__note">{t('legend.note')}</p>
        </div>
      )}
    </section>
  );
}
