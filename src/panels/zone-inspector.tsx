import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Zone, ZoneKind } from '@/domain/document';
import { ZONE_COLOURS, ZONE_KINDS, zoneColour } from '@/domain/zones/zone-kinds';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import type { Text } from '@/store/ui-types';
import { useWords } from '@/store/use-words';
import { CommitField } from './commit-field';
import { Icon } from './icons';
import { useZoneKindName } from './zone-kind-name';

/** The colours data/zones.json offers, each named in the catalogue (`zoneInspector.colours.<id>`). */
type ZoneColourId = 'blue' | 'orange' | 'green' | 'teal' | 'grey' | 'purple' | 'red' | 'yellow';

/** The address ranges as a text area: applied when it loses focus; a refused line is named. */
function Ranges({ zone }: { zone: Zone }) {
  const store = useAppStoreApi();
  const { t } = useTranslation('panels');
  const { say } = useWords();
  const text = (zone.cidrs ?? []).join('\n');
  const [draft, setDraft] = useState(text);
  const [seen, setSeen] = useState(text);
  // The refusal, put into words at render (a language switch re-words it).
  const [refused, setRefused] = useState<Text | undefined>();
  const error = refused ? say(refused) : undefined;
  if (seen !== text) {
    setSeen(text);
    setDraft(text);
  }
  const commit = () => {
    const cidrs = draft
      .split(/[\n,;]+/)
      .map((l) => l.trim())
      .filter((l) => l !== '');
    const problem = store.getState().updateZone(zone.id, { cidrs });
    setRefused(problem || undefined);
    if (problem) setDraft(text);
  };
  return (
    <label className="field">
      <span className="field__label">{t('zoneInspector.ranges')}</span>
      <textarea
        className="field__input field__input--mono"
        rows={3}
        value={draft}
        placeholder="10.1.0.0/16"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        aria-invalid={error ? true : undefined}
      />
      {error ? (
        <span className="field__error" role="alert">
          {error}
        </span>
      ) : (
        <span className="field__help">{t('zoneInspector.rangesHelp')}</span>
      )}
    </label>
  );
}

/** Everything about one zone: name, kind, colour, address ranges; fit or delete it. */
export function ZoneInspector({ zone }: { zone: Zone }) {
  const store = useAppStoreApi();
  const { t } = useTranslation('panels');
  const kindName = useZoneKindName();
  // A colour id outside data/zones.json's list (a newer file) is shown as it is.
  const colourName = (c: string) => t(`zoneInspector.colours.${c as ZoneColourId}`, { defaultValue: c });
  const hostCount = useAppStore((s) => s.hosts.filter((h) => h.zone === zone.id).length);
  const parent = useAppStore((s) => s.zones.find((z) => z.id === zone.parent));
  const colour = zoneColour(zone);
  return (
    <div className="inspector__body" key={zone.id}>
      <div className="inspector__heading">
        <p className="eyebrow">{t('zoneInspector.eyebrow')}</p>
        <h2 className="inspector__title">{zone.name}</h2>
        <p className="inspector__sub">
          {t('zoneInspector.hosts', { count: hostCount })}
          {parent && ` · ${t('zoneInspector.parent', { zone: parent.name })}`}
        </p>
      </div>
      <section className="inspector__section" aria-label={t('zoneInspector.eyebrow')}>
        <CommitField
          label={t('zoneInspector.name')}
          value={zone.name}
          onCommit={(name) => store.getState().updateZone(zone.id, { name })}
        />
        <label className="field">
          <span className="field__label">{t('zoneInspector.kind')}</span>
          <select
            className="field__input"
            value={zone.kind ?? ZONE_KINDS[0]?.id}
            onChange={(e) => store.getState().updateZone(zone.id, { kind: e.target.value as ZoneKind })}
          >
            {ZONE_KINDS.map((k) => (
              <option key={k.id} value={k.id}>
                {kindName(k.id)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="field zone-colours">
          <legend className="field__label">{t('zoneInspector.colour')}</legend>
          {ZONE_COLOURS.map((c) => (
            <label
              key={c}
              className={`zone-colour zone--${c}`}
              title={t('zoneInspector.colourOf', { colour: colourName(c) })}
            >
              <input
                type="radio"
                name={`zone-colour-${zone.id}`}
                aria-label={t('zoneInspector.colourOf', { colour: colourName(c) })}
                checked={colour === c}
                onChange={() => store.getState().updateZone(zone.id, { colour: c })}
              />
            </label>
          ))}
          {zone.colour && (
            <button
              type="button"
              className="text-button"
              onClick={() => store.getState().updateZone(zone.id, { colour: undefined })}
            >
              {t('zoneInspector.kindColour')}
            </button>
          )}
        </fieldset>
        <Ranges zone={zone} />
      </section>
      <div className="inspector__actions">
        <button
          type="button"
          onClick={() => store.getState().fitZoneToHosts(zone.id)}
          disabled={hostCount === 0}
        >
          {t('zoneInspector.fit')}
        </button>
        <button
          type="button"
          className="danger-button"
          onClick={() => store.getState().deleteZones([zone.id])}
        >
          <Icon name="trash" size={14} /> {t('zoneInspector.remove')}
        </button>
      </div>
    </div>
  );
}
