/**
 * The document slice's actions on one host's own fields (roles, text fields, zone, options), each
 * checked before it is set. Part of the document slice, in a file of its own to keep both small.
 */
import type { Host, HostOptions } from '@/domain/document';
import { updateHost } from '@/domain/edits/host-edits';
import { checkIp } from '@/domain/ip';
import { message } from '@/domain/message';
import { checkWsusPair, parsePort } from '@/domain/settings';
import { commitDocument } from './document-state';
import type { AppState, DocumentSlice } from './store-types';
import { textParam } from './text-param';
import { checkFqdn, checkHostName, checkSiteCode } from './validators';

export type HostFieldActions = Pick<
  DocumentSlice,
  'removeRole' | 'setRoles' | 'setHostField' | 'setHostZone' | 'setHostOptions' | 'setHostWsusPorts'
>;

/** The host field actions, for the document slice to spread into its own. */
export function hostFieldActions(
  set: (partial: Partial<AppState>) => void,
  get: () => AppState,
): HostFieldActions {
  const changeHost = (id: string, change: (h: Host) => Host) =>
    commitDocument(set, updateHost(get(), id, change));

  return {
    removeRole(hostId, role) {
      changeHost(hostId, (h) =>
        h.roles.includes(role) ? { ...h, roles: h.roles.filter((r) => r !== role) } : h,
      );
    },
    setRoles(hostId, roles) {
      changeHost(hostId, (h) => ({ ...h, roles: [...new Set(roles)] }));
    },
    setHostField(hostId, field, value) {
      const host = get().hosts.find((h) => h.id === hostId);
      if (!host) return message('store:fields.hostGone');
      const problem =
        field === 'name'
          ? checkHostName(value)
          : field === 'ip'
            ? checkIp(value)
            : field === 'site'
              ? checkSiteCode(value)
              : checkFqdn(value);
      if (problem) return problem;
      const text = field === 'name' ? value : field === 'site' ? value.trim().toUpperCase() : value.trim();
      if ((host[field] ?? '') === text) return undefined;
      changeHost(hostId, (h) => {
        if (field === 'name') return { ...h, name: text };
        const { [field]: _old, ...rest } = h;
        return text === '' ? (rest as Host) : { ...h, [field]: text };
      });
      return undefined;
    },
    setHostZone(hostId, zone) {
      changeHost(hostId, (h) => {
        if (h.zone === zone) return h;
        const { zone: _old, ...rest } = h;
        return zone ? { ...rest, zone } : rest;
      });
    },
    setHostOptions(hostId, patch) {
      if (patch.parentSite !== undefined) {
        const problem = checkSiteCode(patch.parentSite);
        if (problem) return problem;
      }
      changeHost(hostId, (h) => {
        const options: Record<string, unknown> = { ...h.options };
        for (const [key, value] of Object.entries(patch)) {
          const cleared =
            value === undefined || value === false || (typeof value === 'string' && value.trim() === '');
          if (cleared) delete options[key];
          else options[key] = key === 'parentSite' ? String(value).trim().toUpperCase() : value;
        }
        return { ...h, options: options as HostOptions };
      });
      return undefined;
    },
    setHostWsusPorts(hostId, http, https) {
      if (http === undefined && https === undefined) {
        changeHost(hostId, (h) => {
          const { wsusHttp: _a, wsusHttps: _b, ...options } = h.options;
          return { ...h, options };
        });
        return undefined;
      }
      const h = parsePort(http ?? '');
      if (!h.ok) return message('store:fields.httpPort', { problem: textParam(h.error) });
      const s = parsePort(https ?? '');
      if (!s.ok) return message('store:fields.httpsPort', { problem: textParam(s.error) });
      const pair = checkWsusPair(h.value, s.value);
      if (pair) return pair;
      changeHost(hostId, (host) => ({
        ...host,
        options: { ...host.options, wsusHttp: h.value, wsusHttps: s.value },
      }));
      return undefined;
    },
  };
}
