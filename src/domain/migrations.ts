/**
 * Named steps that lift an older document to the current version, one version each. Each step
 * takes and returns plain JSON data; restoreDocument validates the result afterwards.
 */

type Json = Record<string, unknown>;

export interface Migration {
  /** A name that says what the step changes. */
  readonly id: string;
  /** The version the step reads; it writes `from + 1`. */
  readonly from: number;
  readonly up: (doc: Json) => Json;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const migrations: readonly Migration[] = [
  {
    // Version 1 kept each host's canvas position inside the host and site settings as one flat
    // object of ports. Version 2 moves positions to `layout` (so moving a host never re-derives
    // flows) and splits settings into ports, ranges, flags and supplementary lists.
    id: 'MoveLayoutAndSplitSettings',
    from: 1,
    up(doc) {
      const hosts = Array.isArray(doc.hosts) ? doc.hosts : [];
      const layout: Record<string, unknown> = {};
      const movedHosts = hosts.map((host) => {
        if (!isObject(host)) return host;
        const { x, y, ...rest } = host;
        if (typeof rest.id === 'string' && Object.hasOwn(host, 'x')) layout[rest.id] = { x, y };
        return rest;
      });
      const old = isObject(doc.settings) ? doc.settings : {};
      const ports: Record<string, unknown> = {};
      const ranges: Record<string, unknown> = {};
      const flags: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(old)) {
        if (key === 'rpcDynamic' || key === 'multicast') ranges[key] = value;
        else if (key === 'includeSiteInstallation') flags[key] = value;
        else ports[key] = value;
      }
      return {
        ...doc,
        version: 2,
        hosts: movedHosts,
        zones: Array.isArray(doc.zones) ? doc.zones : [],
        layout,
        settings: { ports, ranges, flags, supplementary: [] },
      };
    },
  },
];
