import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countsMessage, type Finding, SEVERITIES, type Severity } from '@/domain/checks/finding';
import { message } from '@/domain/message';
import { sectionUrl } from '@/domain/rows';
import { placeholderOf, useProblems } from '@/store/derived';
import { useAppStoreApi } from '@/store/store-context';
import { useCatalogue } from '@/store/use-catalogue';
import { useWords } from '@/store/use-words';
import { Icon, type IconName } from './icons';

const GROUPS = {
  error: { title: 'panel.errors', icon: 'error', hint: 'panel.errorsHint' },
  warning: { title: 'panel.warnings', icon: 'warning', hint: 'panel.warningsHint' },
  info: { title: 'panel.infos', icon: 'info', hint: 'panel.infosHint' },
} as const satisfies Record<Severity, { title: string; icon: IconName; hint: string }>;

function ProblemItem({
  finding,
  active,
  onShow,
}: {
  finding: Finding;
  active: boolean;
  onShow: (finding: Finding) => void;
}) {
  const store = useAppStoreApi();
  const catalogue = useCatalogue();
  const { t } = useTranslation('checks');
  const { say } = useWords();
  const { fix } = finding;
  return (
    <li className={`problem problem--${finding.severity}${active ? ' problem--active' : ''}`}>
      <button
        type="button"
        className="problem__show"
        onClick={() => onShow(finding)}
        title={finding.hosts.length + finding.links.length > 0 ? t('panel.show') : undefined}
      >
        <Icon name={GROUPS[finding.severity].icon} size={15} />
        <span className="problem__message">{say(finding.message)}</span>
      </button>
      {(fix || (finding.sections?.length ?? 0) > 0) && (
        <div className="problem__actions">
          {fix && (
            <button
              type="button"
              className="small-button problem__fix"
              onClick={() => {
                const state = store.getState();
                // Messages, so the notice speaks the language the app speaks when it is shown.
                if (state.applyFix(fix))
                  state.notify({
                    tone: 'success',
                    title: message('checks:panel.fixed', { fix: { message: fix.label } }),
                  });
                else state.notify({ tone: 'warning', title: message('checks:panel.fixGone') });
              }}
            >
              <Icon name="wrench" size={13} />
              {t('panel.fix', { fix: say(fix.label) })}
            </button>
          )}
          {finding.sections?.map((anchor) => (
            <a
              key={anchor}
              className="section-link"
              href={sectionUrl(catalogue, anchor)}
              target="_blank"
              rel="noreferrer noopener"
              title={t('panel.section')}
            >
              {anchor}
            </a>
          ))}
        </div>
      )}
    </li>
  );
}

/**
 * Every finding of the checks, grouped by severity. A problem selects and centres what it concerns;
 * its Fix applies the suggested change as one undo step.
 */
export function ProblemsPanel() {
  const store = useAppStoreApi();
  const problems = useProblems();
  const { findings, counts } = problems;
  const [active, setActive] = useState<string | null>(null);
  const { t } = useTranslation('checks');
  const { say } = useWords();

  const show = (finding: Finding) => {
    setActive(finding.id);
    const placeholder = placeholderOf(problems, finding);
    store.getState().revealElements(finding.hosts, finding.links, placeholder ? [placeholder] : []);
  };

  return (
    <div className="inspector__body problems">
      <div className="inspector__heading">
        <p className="eyebrow">{t('panel.eyebrow')}</p>
        <h2 className="inspector__title">{t('panel.title')}</h2>
        <p className="inspector__sub">{say(countsMessage(counts))}</p>
      </div>
      {counts.error + counts.warning === 0 && (
        <p className="problems__none">
          <Icon name="check" size={15} />
          {findings.length === 0 ? t('panel.nothing') : t('panel.complete')}
        </p>
      )}
      {SEVERITIES.filter((severity) => counts[severity] > 0).map((severity) => {
        const group = GROUPS[severity];
        const headingId = `problems-${severity}`;
        return (
          <section
            key={severity}
            className={`problems__group problems__group--${severity}`}
            aria-labelledby={headingId}
          >
            <h3 className="section-title problems__title" id={headingId}>
              {t(group.title)}{' '}
              <span className={`problems__count problems__count--${severity}`}>{counts[severity]}</span>
            </h3>
            <p className="panel-hint">{t(group.hint)}</p>
            <ul className="problems__list">
              {findings
                .filter((f) => f.severity === severity)
                .map((finding) => (
                  <ProblemItem
                    key={finding.id}
                    finding={finding}
                    active={finding.id === active}
                    onShow={show}
                  />
                ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
