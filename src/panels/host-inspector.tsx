import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Host, Link, Zone } from '@/domain/document';
import { zoneForIp } from '@/domain/zones/cidr';
import { useDerivation, useHostLookup, useHostStatuses } from '@/store/derived';
import { flowCounts } from '@/store/flow-use';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import { useWords } from '@/store/use-words';
import { CommitField } from './commit-field';
import { Icon } from './icons';
import { RoleOptions } from './role-options';

function Roles({ host }: { host: Host }) {
  const store = useAppStoreApi();
  const { t } = useTranslation('panels');
  // Names as the app's language writes them (the same roles and groups as the engine's catalogue).
  const catalogue = useWords().catalogue;
  const available = catalogue.roleGroups
    .map((g) => ({
      group: g,
      // Roles the edition in force retired are not offered; a host that holds one keeps it.
      roles: catalogue.roles.filter((r) => r.group === g.id && !r.retired && !host.roles.includes(r.id)),
    }))
    .filter((g) => g.roles.length > 0);
  return (
    <section className="inspector__section" aria-label={t('hostInspector.roles.region')}>
      <h3 className="section-title">{t('hostInspector.roles.title')}</h3>
      <ul className="role-list">
        {host.roles.map((id) => {
          const role = catalogue.roleById.get(id);
          return (
            <li key={id} className="role-list__item">
              <span
                className={`role-badge${role ? '' : ' role-badge--unknown'}`}
                style={role ? { background: role.color } : undefined}
              >
                {role?.abbr ?? '?'}
              </span>
              <span className="role-list__name">
                {role?.name ?? t('hostInspector.roles.unknown', { id })}
                {role?.retired && ` ${t('hostInspector.roles.retired', { release: role.retired.release })}`}
              </span>
              <button
                type="button"
                className="icon-button"
                aria-label={t('hostInspector.roles.remove', { role: role?.name ?? id })}
                title={t('hostInspector.roles.removeTitle')}
                onClick={() => store.getState().removeRole(host.id, id)}
              >
                <Icon name="close" size={14} />
              </button>
            </li>
          );
        })}
        {host.roles.length === 0 && <li className="panel-empty">{t('hostInspector.roles.none')}</li>}
      </ul>
      <label className="field">
        <span className="field__label">{t('hostInspector.roles.add')}</span>
        <select
          className="field__input"
          value=""
          onChange={(e) => {
            if (e.target.value) store.getState().addRoleToHost(host.id, e.target.value);
          }}
        >
          <option value="">{t('hostInspector.roles.choose')}</option>
          {available.map(({ group, roles }) => (
            <optgroup key={group.id} label={group.name}>
              {roles.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
    </section>
  );
}

function HostLinks({ host }: { host: Host }) {
  const store = useAppStoreApi();
  const { t } = useTranslation('panels');
  const links = useAppStore((s) => s.links);
  const hosts = useHostLookup();
  const derivation = useDerivation();
  const items = useMemo(() => {
    // Only this host's links and peers are counted and named: the flows per link come from the
    // engine, so an edit elsewhere in a large diagram costs a pass over the links, not the flows.
    const at: number[] = [];
    links.forEach((l, i) => {
      if (l.source === host.id || l.target === host.id) at.push(i);
    });
    const own = at.map((i) => links[i]!);
    const peerOf = (l: Link) => (l.source === host.id ? l.target : l.source);
    const count = flowCounts(derivation, links, at);
    return own.map((l) => ({
      id: l.id,
      peer: hosts.get(peerOf(l))?.name ?? '?',
      flows: count.get(l.id) ?? 0,
    }));
  }, [links, hosts, derivation, host.id]);
  if (items.length === 0) return null;
  return (
    <section className="inspector__section" aria-label={t('hostInspector.links.region')}>
      <h3 className="section-title">{t('hostInspector.links.title')}</h3>
      <ul className="link-list">
        {items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="link-list__item"
              onClick={() => store.getState().revealLink(item.id)}
            >
              <span>{item.peer}</span>
              <span className={`count${item.flows === 0 ? ' count--empty' : ''}`}>
                {t('hostInspector.links.flows', { count: item.flows })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The zone whose address range holds the host's address, offered when the host is elsewhere. */
function ZoneOffer({ host, zones }: { host: Host; zones: readonly Zone[] }) {
  const store = useAppStoreApi();
  const { t } = useTranslation('panels');
  const offered = zoneForIp(host.ip, zones);
  if (!offered || offered.id === host.zone) return null;
  return (
    <p className="zone-offer" role="status">
      {t('hostInspector.inRange', { ip: host.ip ?? '', zone: offered.name })}{' '}
      <button
        type="button"
        className="text-button"
        onClick={() => store.getState().moveHostIntoZone(host.id, offered.id)}
      >
        {t('hostInspector.moveTo', { zone: offered.name })}
      </button>
    </p>
  );
}

/** Everything about one host: identity, roles, role options, problems and links. */
export function HostInspector({ host }: { host: Host }) {
  const store = useAppStoreApi();
  const { t } = useTranslation('panels');
  const { say } = useWords();
  const zones = useAppStore((s) => s.zones);
  const status = useHostStatuses().get(host.id);
  const set = (field: 'name' | 'fqdn' | 'ip' | 'site') => (text: string) =>
    store.getState().setHostField(host.id, field, text);

  return (
    <div className="inspector__body" key={host.id}>
      <div className="inspector__heading">
        <p className="eyebrow">{t('hostInspector.eyebrow')}</p>
        <h2 className="inspector__title">{host.name}</h2>
      </div>
      {status && (
        <ul className={`status-list status-list--${status.level}`} aria-label={t('hostInspector.problems')}>
          {status.messages.map(say).map((text) => (
            <li key={text}>
              <Icon name="warning" size={14} /> {text}
            </li>
          ))}
        </ul>
      )}
      <section className="inspector__section" aria-label={t('hostInspector.identity')}>
        <CommitField label={t('hostInspector.name')} value={host.name} onCommit={set('name')} />
        <CommitField
          label={t('hostInspector.fqdn')}
          value={host.fqdn ?? ''}
          placeholder="mp01.corp.example"
          onCommit={set('fqdn')}
        />
        <CommitField
          label={t('hostInspector.ip')}
          value={host.ip ?? ''}
          placeholder={t('hostInspector.ipPlaceholder')}
          monospace
          onCommit={set('ip')}
        />
        <div className="field-row">
          <CommitField
            label={t('hostInspector.siteCode')}
            value={host.site ?? ''}
            placeholder="P01"
            monospace
            onCommit={set('site')}
          />
          {zones.length > 0 && (
            <label className="field">
              <span className="field__label">{t('hostInspector.zone')}</span>
              <select
                className="field__input"
                value={host.zone ?? ''}
                onChange={(e) => {
                  // Choosing a zone moves the host into its box, so the canvas shows what the field says.
                  if (e.target.value) store.getState().moveHostIntoZone(host.id, e.target.value);
                  else store.getState().setHostZone(host.id, undefined);
                }}
              >
                <option value="">{t('hostInspector.noZone')}</option>
                {zones.map((z) => (
                  <option key={z.id} value={z.id}>
                    {z.name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <ZoneOffer host={host} zones={zones} />
      </section>
      <Roles host={host} />
      <RoleOptions host={host} />
      <HostLinks host={host} />
      <div className="inspector__actions">
        <button
          type="button"
          className="danger-button"
          onClick={() => store.getState().removeElements([host.id], [])}
        >
          <Icon name="trash" size={14} /> {t('hostInspector.delete')}
        </button>
      </div>
    </div>
  );
}
