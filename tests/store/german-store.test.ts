/**
 * What the store names in the app's language (issue 13): a template opened in German has a German
 * document name, description and zone names, a new diagram is "Unbenannte Topologie", and a zone
 * the user draws takes its kind's German name. English stays as the data writes it.
 */
import { catalogue } from '@/domain/default-catalogue';
import { isMessage } from '@/domain/message';
import { appI18n } from '@/i18n/app-i18n';
import { applyTemplate, newDocument } from '@/store/file-commands';
import { restoreTemplate, sampleDocument, templates } from '@/store/templates';
import type { Text } from '@/store/ui-types';
import { makeStore } from '../builders';
import { german } from '../support/words';

/** What the user reads for a Text in German (a missing key throws). */
const inGerman = (value: Text | undefined) => (isMessage(value) ? german(value) : value);

const template = (id: string) => {
  const found = templates.find((t) => t.id === id);
  if (!found) throw new Error(`missing template ${id}`);
  return found;
};

afterEach(async () => {
  await appI18n.changeLanguage('en');
});

describe('templates in the app’s language', () => {
  it('opens a template in German with a German name, description and zone names', async () => {
    await appI18n.changeLanguage('de');
    const store = makeStore();
    applyTemplate(store, template('standalone-primary'), 'replace');
    expect(inGerman(store.getState().confirm?.title)).toBe(
      'Diagramm durch „Eigenständiger primärer Standort“ ersetzen?',
    );
    store.getState().answerConfirm(true);
    const state = store.getState();
    expect(state.name).toBe('Eigenständiger primärer Standort');
    expect(state.description).toMatch(/^Ein primärer Standort \(P01\): Standortserver/);
    // The admin network is a datacenter zone too: the second one is numbered.
    expect(state.zones.map((z) => [z.kind, z.name])).toEqual([
      ['datacenter', 'Rechenzentrum'],
      ['clients', 'Clientnetzwerk'],
      ['datacenter', 'Rechenzentrum 2'],
      ['internet', 'Internet'],
    ]);
    expect(inGerman(state.notices.at(-1)?.title)).toBe('Vorlage „Eigenständiger primärer Standort“ geladen.');
  });

  it('adds a template in German with its zones named in German', async () => {
    await appI18n.changeLanguage('de');
    const store = makeStore();
    applyTemplate(store, template('hierarchy'), 'add');
    expect(store.getState().zones.map((z) => z.name)).toEqual([
      'Rechenzentrum',
      'Zweigstelle',
      'Clientnetzwerk',
    ]);
    expect(inGerman(store.getState().notices.at(-1)?.title)).toMatch(
      /^„Hierarchie: CAS, zwei primäre, ein sekundärer Standort“ hinzugefügt \(\d+ Hosts\)\.$/,
    );
  });

  it('keeps the data’s English names in English', () => {
    const result = restoreTemplate(template('standalone-primary'), catalogue);
    if (!result.ok) throw new Error('template did not restore');
    expect(result.document.name).toBe('Standalone primary site');
    expect(result.document.zones.map((z) => z.name)).toEqual([
      'Datacenter',
      'Client LAN',
      'Admin network',
      'Internet',
    ]);
    expect(sampleDocument(catalogue).name).toBe('Standalone primary site');
  });

  it('starts a first visit in German on the German sample', async () => {
    await appI18n.changeLanguage('de');
    expect(sampleDocument(catalogue).name).toBe('Eigenständiger primärer Standort');
  });
});

describe('new diagrams and zones in the app’s language', () => {
  it('names a new diagram in the app’s language', async () => {
    const store = makeStore();
    newDocument(store);
    store.getState().answerConfirm(true);
    expect(store.getState().name).toBe('Untitled topology');
    await appI18n.changeLanguage('de');
    const inGermanStore = makeStore();
    newDocument(inGermanStore);
    inGermanStore.getState().answerConfirm(true);
    expect(inGermanStore.getState().name).toBe('Unbenannte Topologie');
  });

  it('names a zone drawn in German "Rechenzentrum", and one around hosts by its kind', async () => {
    await appI18n.changeLanguage('de');
    const store = makeStore();
    const id = store.getState().addZone();
    expect(store.getState().zones.find((z) => z.id === id)?.name).toBe('Rechenzentrum');
    store.getState().addZone(undefined, 'datacenter');
    expect(store.getState().zones.map((z) => z.name)).toEqual(['Rechenzentrum', 'Rechenzentrum 2']);
    store.getState().select(['mp'], []);
    const around = store.getState().zoneAroundSelection('clients');
    expect(store.getState().zones.find((z) => z.id === around)?.name).toBe('Clientnetzwerk');
  });

  it('names a zone drawn in English after its kind in English', () => {
    const store = makeStore();
    const id = store.getState().addZone(undefined, 'branch');
    expect(store.getState().zones.find((z) => z.id === id)?.name).toBe('Branch office');
  });
});
