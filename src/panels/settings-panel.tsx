import { useId, useState } from 'react';
import type { PortSettingDef } from '@/domain/catalogue-types';
import { formatRange } from '@/domain/settings';
import { useCatalogue } from '@/store/derived';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import { CommitField } from './commit-field';
import { EditionSwitch } from './edition-switch';

/** The setting keys note 3 ties together; they change as a pair (settings.ts `withPorts`). */
const WSUS_PAIR = ['wsusHttp', 'wsusHttps'] as const;

function WsusPair({ http, https }: { http: PortSettingDef; https: PortSettingDef }) {
  const store = useAppStoreApi();
  const ports = useAppStore((s) => s.settings.ports);
  const current = { http: String(ports[http.key] ?? ''), https: String(ports[https.key] ?? '') };
  const [draft, setDraft] = useState(current);
  const [seen, setSeen] = useState(current);
  const [error, setError] = useState<string>();
  const id = useId();
  if (seen.http !== current.http || seen.https !== current.https) {
    setSeen(current);
    setDraft(current);
  }
  const dirty = draft.http !== current.http || draft.https !== current.https;
  const apply = () => {
    const problem = store.getState().setWsusPorts(draft.http, draft.https);
    if (problem) {
      setError(`${problem}. Kept ${current.http}/${current.https}.`);
      setDraft(current);
    } else setError(undefined);
  };
  return (
    <fieldset className={`option-pair${error ? ' field--invalid' : ''}`}>
      <legend>WSUS ports (note 3)</legend>
      <div className="option-pair__row">
        <label htmlFor={`${id}-http`}>{http.label}</label>
        <input
          id={`${id}-http`}
          className="field__input field__input--mono"
          inputMode="numeric"
          value={draft.http}
          onChange={(e) => setDraft({ ...draft, http: e.target.value })}
          onKeyDown={(e) => e.key === 'Enter' && apply()}
        />
        <label htmlFor={`${id}-https`}>{https.label}</label>
        <input
          id={`${id}-https`}
          className="field__input field__input--mono"
          inputMode="numeric"
          value={draft.https}
          onChange={(e) => setDraft({ ...draft, https: e.target.value })}
          onKeyDown={(e) => e.key === 'Enter' && apply()}
        />
        <button type="button" className="small-button" onClick={apply} disabled={!dirty}>
          Apply
        </button>
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <p className="field__help">
        {http.description} {https.description}
      </p>
    </fieldset>
  );
}

/**
 * Every configurable port, range and flag of the catalogue, and the document's additional port
 * lists. A refused value is answered at its field and the value in force stays.
 */
export function SettingsPanel() {
  const store = useAppStoreApi();
  const catalogue = useCatalogue();
  const settings = useAppStore((s) => s.settings);
  const defaults = new Map(catalogue.portSettings.map((p) => [p.key, p.default]));
  const wsus = WSUS_PAIR.map((key) => catalogue.portSettings.find((p) => p.key === key));
  const single = catalogue.portSettings.filter((p) => !(WSUS_PAIR as readonly string[]).includes(p.key));

  return (
    <div className="inspector__body settings">
      <div className="inspector__heading">
        <p className="eyebrow">Site settings</p>
        <h2 className="inspector__title">Ports in force</h2>
        <p className="inspector__sub">
          Every change re-derives the flows at once. Defaults are the port document’s.
        </p>
      </div>
      <EditionSwitch />
      <section className="inspector__section" aria-label="Ports">
        <h3 className="section-title">Ports</h3>
        {single.map((def) => {
          const value = settings.ports[def.key];
          const changed = value !== defaults.get(def.key);
          return (
            <CommitField
              key={def.key}
              label={def.label}
              value={String(value ?? '')}
              inputMode="numeric"
              monospace
              className={changed ? 'field--changed' : undefined}
              help={
                <>
                  {def.description}
                  {changed && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="text-button"
                        onClick={() => store.getState().setPort(def.key, String(def.default))}
                      >
                        Reset to {def.default}
                      </button>
                    </>
                  )}
                </>
              }
              onCommit={(text) => store.getState().setPort(def.key, text)}
            />
          );
        })}
        {wsus[0] && wsus[1] && <WsusPair http={wsus[0]} https={wsus[1]} />}
      </section>
      <section className="inspector__section" aria-label="Port ranges">
        <h3 className="section-title">Port ranges</h3>
        {catalogue.rangeSettings.map((def) => {
          const range = settings.ranges[def.key] ?? def.default;
          return (
            <div key={def.key}>
              <CommitField
                label={def.label}
                value={formatRange(range)}
                monospace
                help={def.description}
                onCommit={(text) => store.getState().setRange(def.key, text)}
              />
              {def.presets.length > 0 && (
                <div className="presets">
                  {def.presets.map((p) => (
                    <button
                      key={p.label}
                      type="button"
                      className={`chip${range.from === p.from && range.to === p.to ? ' chip--on' : ''}`}
                      aria-pressed={range.from === p.from && range.to === p.to}
                      onClick={() => store.getState().setRange(def.key, `${p.from}-${p.to}`)}
                    >
                      {p.label}: {p.from}-{p.to}
                    </button>
                  ))}
                </div>
              )}
            </div>
          );
        })}
      </section>
      <section className="inspector__section" aria-label="Options">
        <h3 className="section-title">Options</h3>
        {catalogue.flagSettings.map((def) => (
          <label key={def.key} className="check check--block">
            <input
              type="checkbox"
              checked={settings.flags[def.key] === true}
              onChange={(e) => store.getState().setFlag(def.key, e.target.checked)}
            />
            <span>
              {def.label}
              <span className="field__help">{def.description}</span>
            </span>
          </label>
        ))}
      </section>
      <section className="inspector__section" aria-label="Additional port lists">
        <h3 className="section-title">Additional port lists</h3>
        {catalogue.supplementaryLists.map((list) => (
          <label key={list.id} className="check check--block">
            <input
              type="checkbox"
              checked={settings.supplementary.includes(list.id)}
              onChange={(e) => store.getState().setSupplementary(list.id, e.target.checked)}
            />
            <span>
              {list.name}
              <span className="field__help">{list.description}</span>
            </span>
          </label>
        ))}
      </section>
    </div>
  );
}
