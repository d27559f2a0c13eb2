import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortSettingDef } from '@/domain/catalogue-types';
import { formatRange } from '@/domain/settings';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import type { Text } from '@/store/ui-types';
import { useWords } from '@/store/use-words';
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
  // The refusal and the pair kept, put into words at render (a language switch re-words it).
  const [refused, setRefused] = useState<{ problem: Text; http: string; https: string }>();
  const id = useId();
  const { t } = useTranslation('panels');
  const { say } = useWords();
  const error = refused
    ? t('settings.wsusRefused', { problem: say(refused.problem), http: refused.http, https: refused.https })
    : undefined;
  if (seen.http !== current.http || seen.https !== current.https) {
    setSeen(current);
    setDraft(current);
  }
  const dirty = draft.http !== current.http || draft.https !== current.https;
  const apply = () => {
    const problem = store.getState().setWsusPorts(draft.http, draft.https);
    if (problem) {
      setRefused({ problem, ...current });
      setDraft(current);
    } else setRefused(undefined);
  };
  return (
    <fieldset className={`option-pair${error ? ' field--invalid' : ''}`}>
      <legend>{t('settings.wsusLegend')}</legend>
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
          {t('settings.apply')}
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
  const { t } = useTranslation('panels');
  // Labels and descriptions as the app's language writes them (keys and defaults are the engine's).
  const catalogue = useWords().catalogue;
  const settings = useAppStore((s) => s.settings);
  const defaults = new Map(catalogue.portSettings.map((p) => [p.key, p.default]));
  const wsus = WSUS_PAIR.map((key) => catalogue.portSettings.find((p) => p.key === key));
  const single = catalogue.portSettings.filter((p) => !(WSUS_PAIR as readonly string[]).includes(p.key));

  return (
    <div className="inspector__body settings">
      <div className="inspector__heading">
        <p className="eyebrow">{t('settings.eyebrow')}</p>
        <h2 className="inspector__title">{t('settings.title')}</h2>
        <p className="inspector__sub">{t('settings.sub')}</p>
      </div>
      <EditionSwitch />
      <section className="inspector__section" aria-label={t('settings.ports')}>
        <h3 className="section-title">{t('settings.ports')}</h3>
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
                        {t('settings.reset', { port: String(def.default) })}
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
      <section className="inspector__section" aria-label={t('settings.ranges')}>
        <h3 className="section-title">{t('settings.ranges')}</h3>
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
                      {t('settings.preset', { label: p.label, from: String(p.from), to: String(p.to) })}
                    </button>
                  ))}
                </div>
              )}
            </div>
          );
        })}
      </section>
      <section className="inspector__section" aria-label={t('settings.options')}>
        <h3 className="section-title">{t('settings.options')}</h3>
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
      <section className="inspector__section" aria-label={t('settings.lists')}>
        <h3 className="section-title">{t('settings.lists')}</h3>
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
