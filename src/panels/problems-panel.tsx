import { useState } from 'react';
import { type Finding, SEVERITIES, type Severity } from '@/domain/checks/finding';
import { sectionUrl } from '@/domain/rows';
import { placeholderOf, useCatalogue, useProblems } from '@/store/derived';
import { useAppStoreApi } from '@/store/store-context';
import { Icon, type IconName } from './icons';

const GROUPS: Record<Severity, { title: string; icon: IconName; hint: string }> = {
  error: { title: 'Errors', icon: 'error', hint: 'The hierarchy cannot work as drawn.' },
  warning: { title: 'Warnings', icon: 'warning', hint: 'Likely incomplete or ambiguous.' },
  info: { title: 'Information', icon: 'info', hint: 'Choices in force worth knowing.' },
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "2 errors, 1 warning, 4 infos": every count, for the panel's summary. */
export function countsText(counts: Readonly<Record<Severity, number>>): string {
  return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}`;
}

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
  const { fix } = finding;
  return (
    <li className={`problem problem--${finding.severity}${active ? ' problem--active' : ''}`}>
      <button
        type="button"
        className="problem__show"
        onClick={() => onShow(finding)}
        title={finding.hosts.length + finding.links.length > 0 ? 'Select and show on the canvas' : undefined}
      >
        <Icon name={GROUPS[finding.severity].icon} size={15} />
        <span className="problem__message">{finding.message}</span>
      </button>
      {(fix || (finding.sections?.length ?? 0) > 0) && (
        <div className="problem__actions">
          {fix && (
            <button
              type="button"
              className="small-button problem__fix"
              onClick={() => {
                const state = store.getState();
                if (state.applyFix(fix)) state.notify({ tone: 'success', title: `Fixed: ${fix.label}.` });
                else state.notify({ tone: 'warning', title: 'That fix no longer fits the diagram.' });
              }}
            >
              <Icon name="wrench" size={13} />
              Fix: {fix.label}
            </button>
          )}
          {finding.sections?.map((anchor) => (
            <a
              key={anchor}
              className="section-link"
              href={sectionUrl(catalogue, anchor)}
              target="_blank"
              rel="noreferrer noopener"
              title="The section of the port document this rests on"
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

  const show = (finding: Finding) => {
    setActive(finding.id);
    const placeholder = placeholderOf(problems, finding);
    store.getState().revealElements(finding.hosts, finding.links, placeholder ? [placeholder] : []);
  };

  return (
    <div className="inspector__body problems">
      <div className="inspector__heading">
        <p className="eyebrow">Checks</p>
        <h2 className="inspector__title">Problems</h2>
        <p className="inspector__sub">{countsText(counts)}</p>
      </div>
      {counts.error + counts.warning === 0 && (
        <p className="problems__none">
          <Icon name="check" size={15} />
          {findings.length === 0
            ? 'No problems: the checks found nothing to report.'
            : 'No errors or warnings: the hierarchy is complete as drawn.'}
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
              {group.title}{' '}
              <span className={`problems__count problems__count--${severity}`}>{counts[severity]}</span>
            </h3>
            <p className="panel-hint">{group.hint}</p>
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
