import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue } from '@/domain/catalogue-types';
import { type EditionChange, editionChangeSummary } from '@/domain/edition-change';
import { type Flow, formatPort } from '@/domain/flow';
import { appCatalogues } from '@/i18n/app-i18n';
import { roleTitle } from '@/i18n/role-names';
import { useWords } from '@/store/use-words';

interface Props {
  readonly change: EditionChange;
  /** The catalogue switched to: edition title and role names come from it. */
  readonly to: Catalogue;
  readonly names: ReadonlyMap<string, string>;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** One flow as a firewall engineer reads it: who opens which protocol and port on whom. */
function FlowLine({ flow, names, mark }: { flow: Flow; names: ReadonlyMap<string, string>; mark: string }) {
  const from = names.get(flow.initiator) ?? flow.initiator;
  const to = names.get(flow.responder) ?? flow.responder;
  return (
    <li>
      {mark} {from} → {to}: {flow.protocol} {formatPort(flow.port)}
      {flow.sections.length > 0 ? ` (${flow.sections.join(', ')})` : ''}
    </li>
  );
}

/**
 * What switching the diagram's edition changes, before it is applied: flow totals, the changes
 * per link and the hosts holding roles the new edition retired. Confirm applies the switch (one
 * undo step); Cancel and Escape change nothing.
 */
export function EditionChangeDialog({ change, to, names, onConfirm, onCancel }: Props) {
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmButton.current?.focus(), []);
  const { t } = useTranslation('toolbar');
  const { say, language } = useWords();
  return (
    <div className="overlay">
      <div
        className="dialog dialog--wide"
        role="dialog"
        aria-modal="true"
        aria-labelledby="edition-change-title"
        aria-describedby="edition-change-summary"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
        }}
      >
        <h2 id="edition-change-title" className="dialog__title">
          {t('editionChange.title', { edition: appCatalogues.of(to, language).edition.title })}
        </h2>
        <p id="edition-change-summary">
          {editionChangeSummary(change)
            .map((sentence) => say(sentence))
            .join(' ')}
        </p>
        {change.links.length > 0 && (
          // Scrolls inside the dialog (notices.css) so the buttons stay in view on a large diagram.
          <ul className="edition-change__links" aria-label={t('editionChange.perLink')}>
            {change.links.map((link) => (
              <li key={link.linkId}>
                <strong>
                  {link.sourceName} — {link.targetName}
                </strong>
                <ul>
                  {link.added.map((f) => (
                    <FlowLine
                      key={`a-${f.protocol}-${formatPort(f.port)}-${f.initiator}`}
                      flow={f}
                      names={names}
                      mark="+"
                    />
                  ))}
                  {link.removed.map((f) => (
                    <FlowLine
                      key={`r-${f.protocol}-${formatPort(f.port)}-${f.initiator}`}
                      flow={f}
                      names={names}
                      mark="−"
                    />
                  ))}
                  {link.changed.map(({ after: f }) => (
                    <FlowLine
                      key={`c-${f.protocol}-${formatPort(f.port)}-${f.initiator}`}
                      flow={f}
                      names={names}
                      mark="~"
                    />
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
        {change.retired.length > 0 && (
          <ul className="edition-change__retired" aria-label={t('editionChange.retiredHosts')}>
            {change.retired.map((h) => (
              <li key={h.hostId}>
                {h.hostName}: {h.roles.map((r) => roleTitle(to, r, language)).join(', ')}
              </li>
            ))}
          </ul>
        )}
        <div className="dialog__actions">
          <button type="button" className="small-button small-button--quiet" onClick={onCancel}>
            {t('editionChange.cancel')}
          </button>
          <button type="button" ref={confirmButton} className="small-button" onClick={onConfirm}>
            {t('editionChange.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
