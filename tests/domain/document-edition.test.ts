import { catalogue } from '@/domain/default-catalogue';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION } from '@/domain/document';
import { loadEdition } from '@/domain/editions';
import { migrations } from '@/domain/migrations';
import { createEmptyDocument, restoreDocument, serializeDocument } from '@/domain/restore';
import { defaultSettings, settingsForEdition } from '@/domain/settings';
import { inEnglish } from '../support/restore';

const current = loadEdition('current');

function restored(input: unknown) {
  const result = inEnglish(restoreDocument(input, catalogue));
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('the edition a document names', () => {
  it('migrates a version 2 file (no edition) to 2018-de with the named step', () => {
    const step = migrations.find((m) => m.id === 'NameThe2018Edition');
    expect(step?.from).toBe(2);
    expect(DOCUMENT_VERSION).toBe(3);
    const v2 = {
      format: DOCUMENT_FORMAT,
      version: 2,
      name: 'Old',
      hosts: [],
      links: [],
      settings: { ports: { clientHttp: 8080 }, ranges: {}, flags: {}, supplementary: [] },
    };
    const result = restored(v2);
    expect(result.migratedFrom).toBe(2);
    expect(result.problems).toEqual([]);
    expect(result.document.settings.edition).toBe('2018-de');
    expect(result.document.settings.ports.clientHttp).toBe(8080);
  });

  it('opens a version 1 file as 2018-de through both steps', () => {
    const result = restored({ format: DOCUMENT_FORMAT, version: 1, hosts: [], links: [] });
    expect(result.document.settings.edition).toBe('2018-de');
  });

  it('keeps a known edition and restores the settings that edition has', () => {
    const doc = createEmptyDocument(current);
    expect(doc.settings.edition).toBe('current');
    const result = restored(JSON.parse(serializeDocument(doc)));
    expect(result.problems).toEqual([]);
    expect(result.document.settings).toEqual(defaultSettings(current));
    expect(result.document.settings.ports.expressUpdates).toBe(8005);
    expect(result.document.settings.ports.appCatalogHttp).toBeUndefined();
  });

  it('repairs an unknown edition to 2018-de with a report line naming the known ones', () => {
    const doc = {
      ...createEmptyDocument(current),
      settings: { ...defaultSettings(current), edition: '2031' },
    };
    const result = restored(doc);
    expect(result.document.settings.edition).toBe('2018-de');
    expect(result.document.settings).toEqual(defaultSettings(catalogue));
    expect(result.problems).toEqual(['Unknown edition "2031"; 2018-de used (known: 2018-de, current)']);
  });

  it('writes the edition on save', () => {
    const text = serializeDocument(createEmptyDocument(current));
    expect(JSON.parse(text).settings.edition).toBe('current');
  });

  it('moves settings to another edition: shared values kept, new ones defaulted, retired ones dropped', () => {
    const old = {
      ...defaultSettings(catalogue),
      ports: { ...defaultSettings(catalogue).ports, clientHttp: 8080 },
    };
    const moved = settingsForEdition(old, current);
    expect(moved.edition).toBe('current');
    expect(moved.ports.clientHttp).toBe(8080);
    expect(moved.ports.expressUpdates).toBe(8005);
    expect(Object.keys(moved.ports).sort()).toEqual(current.portSettings.map((p) => p.key).sort());
    expect(settingsForEdition(moved, current)).toBe(moved);
    expect(settingsForEdition(moved, catalogue).ports.clientHttp).toBe(8080);
  });

  it('restores the host options of the current edition and drops an unusable SQL port', () => {
    const doc = {
      ...createEmptyDocument(current),
      hosts: [
        { id: 'dp', name: 'DP', roles: ['distribution-point'], options: { pull: true } },
        { id: 'cmg', name: 'CMG', roles: ['cmg'], options: { cmgClassic: true } },
        { id: 'sql', name: 'SQL', roles: ['sql-server'], options: { sqlPort: 50123 } },
        { id: 'bad', name: 'BAD', roles: ['sql-server'], options: { sqlPort: 70000 } },
      ],
    };
    const result = restored(doc);
    expect(result.document.hosts.map((h) => h.options)).toEqual([
      { pull: true },
      { cmgClassic: true },
      { sqlPort: 50123 },
      {},
    ]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/SQL Server port dropped/);
  });
});
