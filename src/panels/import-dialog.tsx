import { useEffect, useRef, useState } from 'react';
import type { ImportMode } from '@/domain/import/apply-import';
import type { ImportKind, ImportPreview } from '@/domain/import/import-types';
import { Icon } from './icons';
import type { ImportStage } from './use-import';

/** What the file chooser accepts: ConfigMgr's CSV exports and host lists (CSV or workbook). */
const ACCEPT = '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Unmapped rows shown in the table; an estate of 50,000 rows may have thousands, the count says how many. */
const SHOWN_ROWS = 200;

const KIND_NAMES: Readonly<Record<ImportKind, string>> = {
  'site-roles': 'site system roles',
  sites: 'sites',
  boundaries: 'boundaries',
  'boundary-groups': 'boundary groups',
  hosts: 'host list',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The toolbar's Import button: a file chooser for several files of one estate. An icon, as Tidy
 * is: another labelled button squeezes the diagram name away at 1366 px.
 *
 * @param onFiles - the chosen files, read into a preview by the app
 */
export function ImportButton({ onFiles }: { onFiles: (files: readonly File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="tool-button tool-button--icon"
        onClick={() => input.current?.click()}
        aria-label="Import"
        title="Import an estate: ConfigMgr CSV exports (site systems, sites, boundaries) or a host list (.csv, .xlsx), or drop them on the diagram; a preview comes first"
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
        aria-label="Import estate files"
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
  return (
    <dl className="stats import-dialog__counts">
      <div>
        <dt>Hosts</dt>
        <dd>{preview.hosts.length}</dd>
      </div>
      <div>
        <dt>Roles</dt>
        <dd>{roles}</dd>
      </div>
      <div>
        <dt>Links (inferred)</dt>
        <dd>{preview.links.length}</dd>
      </div>
    </dl>
  );
}

function Unmapped({ preview }: { preview: ImportPreview }) {
  const rows = preview.unmapped;
  if (rows.length === 0) return null;
  return (
    <section className="import-dialog__section" aria-labelledby="import-unmapped-title">
      <h3 id="import-unmapped-title" className="section-title">
        {plural(rows.length, 'row')} not mapped
      </h3>
      <div className="import-dialog__scroll">
        <table className="import-dialog__table">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Line</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN_ROWS).map((row, i) => (
              <tr key={`${row.file}:${row.line}:${i}`}>
                <td>{row.file}</td>
                <td className="import-dialog__line">{row.line}</td>
                <td>{row.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > SHOWN_ROWS && (
        <p className="import-dialog__note">
          The first {SHOWN_ROWS} are shown; the command line import (`npm run import`) lists them all.
        </p>
      )}
    </section>
  );
}

function Unreadable({ preview }: { preview: ImportPreview }) {
  if (preview.errors.length === 0) return null;
  return (
    <section className="import-dialog__section" aria-labelledby="import-errors-title">
      <h3 id="import-errors-title" className="section-title">
        {plural(preview.errors.length, 'file')} not read
      </h3>
      <ul className="import-dialog__errors">
        {preview.errors.map((e, i) => (
          <li key={`${e.file}:${i}`}>
            <strong>{e.file}</strong>, line {e.line}
            {e.column ? `, column ${e.column}` : ''}: {e.message}
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
          Import the estate
        </h2>
        {!preview ? (
          <p id="import-summary">
            Reading {stage.stage === 'reading' ? plural(stage.files, 'file') : 'the files'}…
          </p>
        ) : (
          <>
            <p id="import-summary">
              {preview.files.length > 0
                ? `Read ${preview.files.map((f) => `${f.file} (${KIND_NAMES[f.kind]}, ${plural(f.rows, 'row')})`).join(', ')}.`
                : 'No file could be read.'}
              {empty && ' There is nothing to import: the diagram stays as it is.'}
            </p>
            <Counts preview={preview} />
            <Unreadable preview={preview} />
            <Unmapped preview={preview} />
            <fieldset className="import-dialog__mode" disabled={empty || applying}>
              <legend className="section-title">Where it goes</legend>
              <label>
                <input
                  type="radio"
                  name="import-mode"
                  checked={mode === 'replace'}
                  onChange={() => setMode('replace')}
                />
                Replace the diagram
              </label>
              <label>
                <input
                  type="radio"
                  name="import-mode"
                  checked={mode === 'add'}
                  onChange={() => setMode('add')}
                />
                Add to it
              </label>
            </fieldset>
          </>
        )}
        <div className="dialog__actions">
          <button type="button" className="small-button small-button--quiet" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            ref={importButton}
            className="small-button"
            disabled={!preview || empty || applying}
            onClick={() => onAccept(mode)}
          >
            {applying ? 'Importing…' : 'Import'}
          </button>
        </div>
      </div>
    </div>
  );
}
