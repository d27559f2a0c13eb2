import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportMode } from '@/domain/import/apply-import';
import type { ImportPreview } from '@/domain/import/import-types';
import { useWords } from '@/store/use-words';
import { Icon } from './icons';
import type { ImportStage } from './use-import';

/** What the file chooser accepts: ConfigMgr's CSV exports and host lists (CSV or workbook). */
const ACCEPT = '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Unmapped rows shown in the table; an estate of 50,000 rows may have thousands, the count says how many. */
const SHOWN_ROWS = 200;

/**
 * The toolbar's Import button: a file chooser for several files of one estate. An icon, as Tidy
 * is: another labelled button squeezes the diagram name away at 1366 px.
 *
 * @param onFiles - the chosen files, read into a preview by the app
 */
export function ImportButton({ onFiles }: { onFiles: (files: readonly File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const { t } = useTranslation('toolbar');
  return (
    <>
      <button
        type="button"
        className="tool-button tool-button--icon"
        onClick={() => input.current?.click()}
        aria-label={t('import.label')}
        title={t('import.title')}
      >
        <Icon name="download" />
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        data-testid="import-files"
        aria-label={t('import.input')}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}

function Counts({ preview }: { preview: ImportPreview }) {
  const roles = preview.hosts.reduce((n, h) => n + h.roles.length, 0);
  const { t } = useTranslation('toolbar');
  const { number } = useWords();
  return (
    <dl className="stats import-dialog__counts">
      <div>
        <dt>{t('importDialog.hosts')}</dt>
        <dd>{number(preview.hosts.length)}</dd>
      </div>
      <div>
        <dt>{t('importDialog.roles')}</dt>
        <dd>{number(roles)}</dd>
      </div>
      <div>
        <dt>{t('importDialog.links')}</dt>
        <dd>{number(preview.links.length)}</dd>
      </div>
    </dl>
  );
}

function Unmapped({ preview }: { preview: ImportPreview }) {
  const rows = preview.unmapped;
  const { t } = useTranslation('toolbar');
  const { say } = useWords();
  if (rows.length === 0) return null;
  return (
    <section className="import-dialog__section" aria-labelledby="import-unmapped-title">
      <h3 id="import-unmapped-title" className="section-title">
        {t('importDialog.unmapped', { count: rows.length })}
      </h3>
      <div className="import-dialog__scroll">
        <table className="import-dialog__table">
          <thead>
            <tr>
              <th scope="col">{t('importDialog.fileColumn')}</th>
              <th scope="col">{t('importDialog.lineColumn')}</th>
              <th scope="col">{t('importDialog.whyColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN_ROWS).map((row, i) => (
              <tr key={`${row.file}:${row.line}:${i}`}>
                <td>{row.file}</td>
                <td className="import-dialog__line">{row.line}</td>
                <td>{say(row.message)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > SHOWN_ROWS && (
        <p className="import-dialog__note">{t('importDialog.firstShown', { shown: SHOWN_ROWS })}</p>
      )}
    </section>
  );
}

function Unreadable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation('toolbar');
  const { say } = useWords();
  if (preview.errors.length === 0) return null;
  return (
    <section className="import-dialog__section" aria-labelledby="import-errors-title">
      <h3 id="import-errors-title" className="section-title">
        {t('importDialog.notRead', { count: preview.errors.length })}
      </h3>
      <ul className="import-dialog__errors">
        {preview.errors.map((e, i) => (
          <li key={`${e.file}:${i}`}>
            <strong>{e.file}</strong>,{' '}
            {e.column
              ? t('importDialog.atColumn', { line: e.line, column: e.column })
              : t('importDialog.at', { line: e.line })}
            : {say(e.message)}
          </li>
        ))}
      </ul>
    </section>
  );
}

export interface ImportDialogProps {
  readonly stage: ImportStage;
  /** The diagram has hosts: replacing it loses them (until Undo), so adding is offered first. */
  readonly hasDiagram: boolean;
  readonly onAccept: (mode: ImportMode) => void;
  readonly onCancel: () => void;
}

/**
 * The import preview (issue 14): what the files hold (hosts, roles, the links to be inferred),
 * the rows that could not be mapped with file, line and why, the files that could not be read,
 * and whether to replace the diagram or add to it. Nothing changes until Import; Cancel and
 * Escape leave the diagram as it was.
 */
export function ImportDialog({ stage, hasDiagram, onAccept, onCancel }: ImportDialogProps) {
  const [mode, setMode] = useState<ImportMode>(hasDiagram ? 'add' : 'replace');
  const importButton = useRef<HTMLButtonElement>(null);
  const { t } = useTranslation('toolbar');
  const ready = stage.stage === 'preview';
  useEffect(() => {
    if (ready) importButton.current?.focus();
  }, [ready]);
  if (stage.stage === 'closed') return null;
  const preview = stage.stage === 'preview' ? stage.preview : undefined;
  const applying = stage.stage === 'preview' && stage.applying;
  const empty = preview !== undefined && preview.hosts.length === 0;
  return (
    <div className="overlay">
      <div
        className="dialog dialog--wide import-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-title"
        aria-describedby="import-summary"
        aria-busy={!preview || applying}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
        }}
      >
        <h2 id="import-title" className="dialog__title">
          {t('importDialog.title')}
        </h2>
        {!preview ? (
          <p id="import-summary">
            {stage.stage === 'reading'
              ? t('importDialog.reading', { count: stage.files })
              : t('importDialog.readingFiles')}
          </p>
        ) : (
          <>
            <p id="import-summary">
              {preview.files.length > 0
                ? t('importDialog.read', {
                    // A list of files, not a sentence: commas in every language.
                    files: preview.files
                      .map((f) =>
                        t('importDialog.file', {
                          file: f.file,
                          kind: t(`importDialog.kinds.${f.kind}`),
                          rows: t('importDialog.rows', { count: f.rows }),
                        }),
                      )
                      .join(', '),
                  })
                : t('importDialog.noneRead')}
              {empty && ` ${t('importDialog.nothing')}`}
            </p>
            <Counts preview={preview} />
            <Unreadable preview={preview} />
            <Unmapped preview={preview} />
            <fieldset className="import-dialog__mode" disabled={empty || applying}>
              <legend className="section-title">{t('importDialog.where')}</legend>
              <label>
                <input
                  type="radio"
                  name="import-mode"
                  checked={mode === 'replace'}
                  onChange={() => setMode('replace')}
                />
                {t('importDialog.replace')}
              </label>
              <label>
                <input
                  type="radio"
                  name="import-mode"
                  checked={mode === 'add'}
                  onChange={() => setMode('add')}
                />
                {t('importDialog.add')}
              </label>
            </fieldset>
          </>
        )}
        <div className="dialog__actions">
          <button type="button" className="small-button small-button--quiet" onClick={onCancel}>
            {t('importDialog.cancel')}
          </button>
          <button
            type="button"
            ref={importButton}
            className="small-button"
            disabled={!preview || empty || applying}
            onClick={() => onAccept(mode)}
          >
            {applying ? t('importDialog.importing') : t('importDialog.import')}
          </button>
        </div>
      </div>
    </div>
  );
}
