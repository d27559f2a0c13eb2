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

/** An own property only, so a key like `constructor` never reads what the prototype has. */
function own(obj: Json, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/**
 * An object without a prototype: keys come from the file, and assigning `__proto__` on a plain
 * object would replace its prototype instead of storing the key.
 */
function record(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

export const migrations: readonly Migration[] = [
  {
    // Version 1 kept each host's canvas position inside the host and site settings as one flat
    // object of ports. Version 2 moves positions to `layout` (so moving a host never re-derives
    // flows) and splits settings into ports, ranges, flags and supplementary lists.
    id: 'MoveLayoutAndSplitSettings',
    from: 1,
    up(doc) {
      const rawHosts = own(doc, 'hosts');
      const hosts: unknown[] = Array.isArray(rawHosts) ? rawHosts : [];
      const layout = record();
      // A plain loop, not `hosts.map`: map would consult the list's own `constructor` key.
      const movedHosts: unknown[] = [];
      for (let i = 0; i < hosts.length; i += 1) {
        const host = hosts[i];
        if (!isObject(host)) {
          movedHosts.push(host);
          continue;
        }
        const { x, y, ...rest } = host;
        const id = own(host, 'id');
        if (typeof id === 'string' && Object.hasOwn(host, 'x')) layout[id] = { x, y };
        movedHosts.push(rest);
      }
      const rawSettings = own(doc, 'settings');
      const old = isObject(rawSettings) ? rawSettings : {};
      const ports = record();
      const ranges = record();
      const flags = record();
      for (const [key, value] of Object.entries(old)) {
        if (key === 'rpcDynamic' || key === 'multicast') ranges[key] = value;
        else if (key === 'includeSiteInstallation') flags[key] = value;
        else ports[key] = value;
      }
      return {
        ...doc,
        version: 2,
        hosts: movedHosts,
        zones: Array.isArray(own(doc, 'zones')) ? own(doc, 'zones') : [],
        layout,
        settings: { ports, ranges, flags, supplementary: [] },
      };
    },
  },
  {
    // Version 3 names the edition of the port document a diagram is derived with. Every older
    // file was planned against the 2018 German edition, the only one there was, so it keeps
    // deriving exactly the flows it did: `settings.edition` becomes `2018-de`.
    id: 'NameThe2018Edition',
    from: 2,
    up(doc) {
      const rawSettings = own(doc, 'settings');
      // Settings that are not an object are left to restore, which reports and replaces them.
      const settings = isObject(rawSettings) ? { ...rawSettings, edition: '2018-de' } : rawSettings;
      return { ...doc, version: 3, ...(settings === undefined ? {} : { settings }) };
    },
  },
];
