import { useState } from 'react';
import type { Zone, ZoneKind } from '@/domain/document';
import { ZONE_COLOURS, ZONE_KINDS, zoneColour } from '@/domain/zones/zone-kinds';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import { CommitField } from './commit-field';
import { Icon } from './icons';

const TEXT = {
  eyebrow: 'Zone',
  name: 'Name',
  kind: 'Kind',
  colour: 'Colour',
  colourOf: (c: string) => `Colour ${c}`,
  kindColour: 'As its kind',
  ranges: 'Address ranges (one per line)',
  rangesHelp: 'Hosts whose address lies in a range are offered this zone.',
  hosts: (n: number) => (n === 1 ? '1 host in this zone' : `${n} hosts in this zone`),
  parent: (name: string) => `Inside zone ${name}`,
  fit: 'Fit to its hosts',
  remove: 'Delete zone (hosts stay)',
} as const;

/** The address ranges as a text area: applied when it loses focus; a refused line is named. */
function Ranges({ zone }: { zone: Zone }) {
  const store = useAppStoreApi();
  const text = (zone.cidrs ?? []).join('\n');
  const [draft, setDraft] = useState(text);
  const [seen, setSeen] = useState(text);
  const [error, setError] = useState<string | undefined>();
  if (seen !== text) {
    setSeen(text);
    setDraft(text);
  }
  const commit = () => {
    const cidrs = draft
      .split(/[\n,;]+/)
      .map((l) => l.trim())
      .filter((l) => l !== '');
    const refused = store.getState().updateZone(zone.id, { cidrs });
    setError(refused);
    if (refused) setDraft(text);
  };
  return (
    <label className="field">
      <span className="field__label">{TEXT.ranges}</span>
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
        <span className="field__help">{TEXT.rangesHelp}</span>
      )}
    </label>
  );
}

/** Everything about one zone: name, kind, colour, address ranges; fit or delete it. */
export function ZoneInspector({ zone }: { zone: Zone }) {
  const store = useAppStoreApi();
  const hostCount = useAppStore((s) => s.hosts.filter((h) => h.zone === zone.id).length);
  const parent = useAppStore((s) => s.zones.find((z) => z.id === zone.parent));
  const colour = zoneColour(zone);
  return (
    <div className="inspector__body" key={zone.id}>
      <div className="inspector__heading">
        <p className="eyebrow">{TEXT.eyebrow}</p>
        <h2 className="inspector__title">{zone.name}</h2>
        <p className="inspector__sub">
          {TEXT.hosts(hostCount)}
          {parent && ` · ${TEXT.parent(parent.name)}`}
        </p>
      </div>
      <section className="inspector__section" aria-label={TEXT.eyebrow}>
        <CommitField
          label={TEXT.name}
          value={zone.name}
          onCommit={(name) => store.getState().updateZone(zone.id, { name })}
        />
        <label className="field">
          <span className="field__label">{TEXT.kind}</span>
          <select
            className="field__input"
            value={zone.kind ?? ZONE_KINDS[0]?.id}
            onChange={(e) => store.getState().updateZone(zone.id, { kind: e.target.value as ZoneKind })}
          >
            {ZONE_KINDS.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="field zone-colours">
          <legend className="field__label">{TEXT.colour}</legend>
          {ZONE_COLOURS.map((c) => (
            <label key={c} className={`zone-colour zone--${c}`} title={TEXT.colourOf(c)}>
              <input
                type="radio"
                name={`zone-colour-${zone.id}`}
                aria-label={TEXT.colourOf(c)}
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
              {TEXT.kindColour}
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
          {TEXT.fit}
        </button>
        <button
          type="button"
          className="danger-button"
          onClick={() => store.getState().deleteZones([zone.id])}
        >
          <Icon name="trash" size={14} /> {TEXT.remove}
        </button>
      </div>
    </div>
  );
}
