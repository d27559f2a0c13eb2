import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Host, HostOptions } from '@/domain/document';
import { optionApplies, portSettingsReplacedBy } from '@/domain/role-options';
import { parsePort } from '@/domain/settings';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import type { Text } from '@/store/ui-types';
import { useCatalogue } from '@/store/use-catalogue';
import { useWords } from '@/store/use-words';
import { CommitField } from './commit-field';

type ScalarOption =
  | 'pxe'
  | 'multicast'
  | 'siteServerInitiates'
  | 'siteType'
  | 'parentSite'
  | 'pull'
  | 'cmgClassic';
/** Options that hold a port: the catalogue names them as a port setting's `hostOption`. */
type PortOption = 'sqlPort';

function WsusPorts({ host }: { host: Host }) {
  const store = useAppStoreApi();
  const site = useAppStore((s) => s.settings.ports);
  const own = host.options.wsusHttp !== undefined && host.options.wsusHttps !== undefined;
  const [http, setHttp] = useState(String(host.options.wsusHttp ?? site.wsusHttp ?? ''));
  const [https, setHttps] = useState(String(host.options.wsusHttps ?? site.wsusHttps ?? ''));
  // The refusal, put into words at render (a language switch re-words it).
  const [problem, setProblem] = useState<Text>();
  const id = useId();
  const { t } = useTranslation('panels');
  const { say } = useWords();
  const error = problem ? t('roleOptions.wsusRefused', { problem: say(problem) }) : undefined;

  const apply = () => {
    setProblem(store.getState().setHostWsusPorts(host.id, http, https) || undefined);
  };

  return (
    <fieldset className="option-pair">
      <legend>{t('roleOptions.wsusLegend')}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={!own}
          onChange={(e) => {
            if (e.target.checked) {
              store.getState().setHostWsusPorts(host.id, undefined, undefined);
              setProblem(undefined);
            } else apply();
          }}
        />
        <span>{t('roleOptions.useSite', { http: site.wsusHttp, https: site.wsusHttps })}</span>
      </label>
      {own || error ? (
        <div className="option-pair__row">
          <label htmlFor={`${id}-http`}>{t('roleOptions.http')}</label>
          <input
            id={`${id}-http`}
            className="field__input field__input--mono"
            inputMode="numeric"
            value={http}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setHttp(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && apply()}
          />
          <label htmlFor={`${id}-https`}>{t('roleOptions.https')}</label>
          <input
            id={`${id}-https`}
            className="field__input field__input--mono"
            inputMode="numeric"
            value={https}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setHttps(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && apply()}
          />
          <button type="button" className="small-button" onClick={apply}>
            {t('roleOptions.apply')}
          </button>
        </div>
      ) : null}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The options of the host's roles, as the catalogue lists them (roleOptions). */
export function RoleOptions({ host }: { host: Host }) {
  const store = useAppStoreApi();
  const catalogue = useCatalogue();
  const { t } = useTranslation('panels');
  // Labels as the app's language writes them; which options apply is the engine catalogue's call.
  const words = useWords().catalogue;
  const settings = useAppStore((s) => s.settings);
  const options = catalogue.roleOptions.filter((o) => optionApplies(o, host, catalogue));
  if (options.length === 0) return null;
  const shown = new Map(words.roleOptions.map((o) => [o.id, o]));
  const portLabel = new Map(words.portSettings.map((p) => [p.key, p.label]));
  const set = (patch: Partial<HostOptions>) => store.getState().setHostOptions(host.id, patch);

  return (
    <section className="inspector__section" aria-label={t('roleOptions.title')}>
      <h3 className="section-title">{t('roleOptions.title')}</h3>
      {options.map((option) => {
        const label = shown.get(option.id)?.label ?? option.label;
        if (option.id === 'wsusPorts')
          return (
            <WsusPorts key={`${host.id}-${host.options.wsusHttp}-${host.options.wsusHttps}`} host={host} />
          );
        const replaced = portSettingsReplacedBy(option, host, catalogue);
        if (replaced.length > 0) {
          const key = option.id as PortOption;
          const own = host.options[key];
          const site = replaced
            .map((d) =>
              t('roleOptions.portValue', {
                label: portLabel.get(d.key) ?? d.label,
                port: String(settings.ports[d.key] ?? d.default),
              }),
            )
            .join(', ');
          return (
            <CommitField
              key={option.id}
              label={label}
              value={own === undefined ? '' : String(own)}
              placeholder={String(settings.ports[replaced[0]?.key ?? ''] ?? '')}
              inputMode="numeric"
              monospace
              help={t('roleOptions.siteHelp', { ports: site })}
              onCommit={(text) => {
                if (text.trim() === '') return set({ [key]: undefined });
                const port = parsePort(text);
                return port.ok ? set({ [key]: port.value }) : port.error;
              }}
            />
          );
        }
        const key = option.id as ScalarOption;
        if (option.values) {
          const value = (host.options[key] as string | undefined) ?? '';
          return (
            <label key={option.id} className="field">
              <span className="field__label">{label}</span>
              <select
                className="field__input"
                value={value}
                onChange={(e) => set({ [key]: e.target.value === '' ? undefined : e.target.value })}
              >
                <option value="">{t('roleOptions.notSet')}</option>
                {option.values.map((v) => (
                  <option key={v.id} value={v.id}>
                    {shown.get(option.id)?.values?.find((w) => w.id === v.id)?.label ?? v.label}
                  </option>
                ))}
              </select>
            </label>
          );
        }
        if (key === 'parentSite') {
          return (
            <CommitField
              key={option.id}
              label={label}
              value={host.options.parentSite ?? ''}
              placeholder={t('roleOptions.parentPlaceholder')}
              monospace
              onCommit={(text) => set({ parentSite: text })}
            />
          );
        }
        return (
          <label key={option.id} className="check">
            <input
              type="checkbox"
              checked={host.options[key] === true}
              onChange={(e) => set({ [key]: e.target.checked })}
            />
            <span>{label}</span>
          </label>
        );
      })}
    </section>
  );
}
