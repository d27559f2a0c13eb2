import editionsDe from '@data/catalogue/de/editions.json';
import notesDe from '@data/catalogue/de/notes.json';
import rolesDe from '@data/catalogue/de/roles.json';
import rulesDe from '@data/catalogue/de/rules.json';
import servicesDe from '@data/catalogue/de/services.json';
import settingsDe from '@data/catalogue/de/settings.json';
import supplementaryDe from '@data/catalogue/de/supplementary.json';
import type { Catalogue, EditionId } from '@/domain/catalogue-types';
import { EDITIONS, loadEdition } from '@/domain/editions';
import { rolesWordsSchema, rulesWordsSchema } from '@/i18n/catalogue-words-schema';
import { localizeCatalogue } from '@/i18n/localize-catalogue';

/**
 * Words that German writes as English does: product, service and protocol names, and the badges
 * that are abbreviations. Anything else equal in both languages is a word nobody translated.
 */
const SAME_IN_GERMAN = new Set([
  'SQL Server',
  'HTTP',
  'HTTPS',
  'LDAP',
  'Web (HTTP/HTTPS)',
  'SMB / RPC',
  'Windows Server Update Services',
  'Internet',
  'Microsoft Intune',
  'Exchange Online',
  'Microsoft Azure',
  'CAS',
  'PXE',
  'Multicast',
  'Pull',
]);

/** English function words that have no place in a German text (a half-translated sentence). */
const ENGLISH_WORDS = /\b(the|and|of|to|with|from|for|is|on|when|which|that|its|their|between)\b/i;
/** Names that hold such a word and are German too. */
const NAMES_WITH_ENGLISH_WORDS = /Wake-on-LAN/g;

interface Word {
  readonly what: string;
  readonly en: string;
  readonly de: string;
}

/** Every word of the catalogue a user reads, English beside German, found by the catalogue's ids. */
function wordsOf(en: Catalogue, de: Catalogue): Word[] {
  const words: Word[] = [];
  const add = (what: string, a: string | undefined, b: string | undefined): void => {
    words.push({ what, en: a ?? '', de: b ?? '' });
  };
  add('source title', en.source.title, de.source.title);
  add('edition title', en.edition.title, de.edition.title);
  en.edition.additions.forEach((a, i) => {
    add(`addition ${i}`, a, de.edition.additions[i]);
  });
  en.retiredSections.forEach((s, i) => {
    add(`retired section ${s.anchor}`, s.reason, de.retiredSections[i]?.reason);
  });
  for (const role of en.roles) {
    const other = de.roleById.get(role.id);
    add(`role ${role.id} name`, role.name, other?.name);
    add(`role ${role.id} description`, role.description, other?.description);
    if (role.retired) add(`role ${role.id} retired`, role.retired.reason, other?.retired?.reason);
  }
  en.roleGroups.forEach((g, i) => {
    add(`group ${g.id}`, g.name, de.roleGroups[i]?.name);
  });
  en.roleOptions.forEach((o, i) => {
    const other = de.roleOptions[i];
    add(`option ${o.id}`, o.label, other?.label);
    if (o.badge) add(`option ${o.id} badge`, o.badge, other?.badge);
    o.values?.forEach((v, j) => {
      add(`option ${o.id} value ${v.id}`, v.label, other?.values?.[j]?.label);
      if (v.badge) add(`option ${o.id} value ${v.id} badge`, v.badge, other?.values?.[j]?.badge);
    });
  });
  for (const s of en.services) {
    add(`service ${s.id} name`, s.name, de.serviceById.get(s.id)?.name);
    add(`service ${s.id} description`, s.description, de.serviceById.get(s.id)?.description);
  }
  const rules = new Map([...de.rules, ...de.supplementaryRules].map((r) => [r.id, r]));
  for (const r of [...en.rules, ...en.supplementaryRules])
    add(`rule ${r.id}`, r.description, rules.get(r.id)?.description);
  for (const n of en.notes) {
    add(`note ${n.number} title`, n.title, de.noteByNumber.get(n.number)?.title);
    add(`note ${n.number} text`, n.text, de.noteByNumber.get(n.number)?.text);
  }
  const settings = (
    kind: string,
    a: readonly { key: string; label: string; description: string }[],
    b: typeof a,
  ): void => {
    a.forEach((s, i) => {
      add(`${kind} ${s.key} label`, s.label, b[i]?.label);
      add(`${kind} ${s.key} description`, s.description, b[i]?.description);
    });
  };
  settings('port', en.portSettings, de.portSettings);
  settings('range', en.rangeSettings, de.rangeSettings);
  settings('flag', en.flagSettings, de.flagSettings);
  en.rangeSettings.forEach((r, i) => {
    r.presets.forEach((p, j) => {
      add(`range ${r.key} preset ${j}`, p.label, de.rangeSettings[i]?.presets[j]?.label);
    });
  });
  en.supplementaryLists.forEach((l, i) => {
    add(`list ${l.id} name`, l.name, de.supplementaryLists[i]?.name);
    add(`list ${l.id} description`, l.description, de.supplementaryLists[i]?.description);
  });
  return words;
}

/** A rule without its words: the facts a firewall engineer cites. */
const ruleFacts = ({ description: _words, ...facts }: Catalogue['rules'][number]) => facts;

describe.each(EDITIONS.map((e) => e.id))('the catalogue of edition %s in German', (id: EditionId) => {
  const en = loadEdition(id);
  const de = localizeCatalogue(en, 'de');
  const words = wordsOf(en, de);

  it('has a German word for everything a user reads', () => {
    expect(words.length).toBeGreaterThan(300);
    expect(words.filter((w) => w.de.trim() === '').map((w) => w.what)).toEqual([]);
  });

  it('writes no word as English does, except proper names', () => {
    const same = words.filter((w) => w.de === w.en && !SAME_IN_GERMAN.has(w.de));
    expect(same.map((w) => `${w.what}: ${w.en}`)).toEqual([]);
    // No half-translated sentence either: German text holds no English function word.
    const english = words.filter((w) => ENGLISH_WORDS.test(w.de.replace(NAMES_WITH_ENGLISH_WORDS, '')));
    expect(english.map((w) => `${w.what}: ${w.de}`)).toEqual([]);
  });

  it('names roles with the catalogue’s first German name', () => {
    for (const role of en.roles) expect(de.roleById.get(role.id)?.name, role.id).toBe(role.namesDe[0]);
    expect(de.roleById.get('management-point')?.name).toBe('Verwaltungspunkt');
    expect(de.roleById.get('site-server')?.name).toBe('Standortserver');
  });

  it('keeps every fact: rule ids, ports, sections, roles, settings and option ids', () => {
    expect(de.rules.map(ruleFacts)).toEqual(en.rules.map(ruleFacts));
    expect(de.supplementaryRules.map(ruleFacts)).toEqual(en.supplementaryRules.map(ruleFacts));
    expect(de.sections).toEqual(en.sections);
    expect(de.sectionByAnchor).toBe(en.sectionByAnchor);
    expect(de.retiredSections.map(({ reason: _r, ...s }) => s)).toEqual(
      en.retiredSections.map(({ reason: _r, ...s }) => s),
    );
    expect(
      de.roles.map(({ name: _n, description: _d, retired, ...r }) => ({ ...r, release: retired?.release })),
    ).toEqual(
      en.roles.map(({ name: _n, description: _d, retired, ...r }) => ({ ...r, release: retired?.release })),
    );
    expect(de.portSettings.map((p) => [p.key, p.default, p.hostOption])).toEqual(
      en.portSettings.map((p) => [p.key, p.default, p.hostOption]),
    );
    expect(de.rangeSettings.map((r) => [r.key, r.default, r.presets.map((p) => [p.from, p.to])])).toEqual(
      en.rangeSettings.map((r) => [r.key, r.default, r.presets.map((p) => [p.from, p.to])]),
    );
    expect(de.flagSettings.map((f) => [f.key, f.default])).toEqual(
      en.flagSettings.map((f) => [f.key, f.default]),
    );
    expect(de.roleOptions.map((o) => [o.id, o.appliesTo, o.values?.map((v) => v.id)])).toEqual(
      en.roleOptions.map((o) => [o.id, o.appliesTo, o.values?.map((v) => v.id)]),
    );
    expect(de.services.map((s) => [s.id, s.color])).toEqual(en.services.map((s) => [s.id, s.color]));
    expect(de.supplementaryLists.map((l) => [l.id, l.section])).toEqual(
      en.supplementaryLists.map((l) => [l.id, l.section]),
    );
    expect({ ...de.edition, title: '', additions: [] }).toEqual({ ...en.edition, title: '', additions: [] });
    expect({ ...de.source, title: '' }).toEqual({ ...en.source, title: '' });
  });

  it('builds every lookup on the German copies', () => {
    for (const role of de.roles) expect(de.roleById.get(role.id)).toBe(role);
    for (const service of de.services) expect(de.serviceById.get(service.id)).toBe(service);
    for (const note of de.notes) expect(de.noteByNumber.get(note.number)).toBe(note);
    expect(de.roleById.size).toBe(en.roleById.size);
  });

  it('leaves the catalogue itself English: English is the catalogue, German a copy', () => {
    expect(localizeCatalogue(en, 'en')).toBe(en);
    expect(de).not.toBe(en);
    expect(en.roleById.get('management-point')?.name).toBe('Management point');
    expect(en.notes.find((n) => n.number === 6)?.title).toBe('Dynamic ports');
    expect(de.noteByNumber.get(6)?.title).toBe('Dynamische Ports');
  });
});

describe('the German catalogue words', () => {
  const old = loadEdition('2018-de');
  const current = loadEdition('current');
  const [oldDe, currentDe] = [localizeCatalogue(old, 'de'), localizeCatalogue(current, 'de')];

  it('reword what the current edition rewords', () => {
    for (const role of current.roles) {
      const was = old.roleById.get(role.id);
      if (was && was.description !== role.description) {
        expect(currentDe.roleById.get(role.id)?.description, role.id).not.toBe(
          oldDe.roleById.get(role.id)?.description,
        );
      }
    }
    for (const note of current.notes) {
      if (old.noteByNumber.get(note.number)?.text !== note.text) {
        expect(currentDe.noteByNumber.get(note.number)?.text, `note ${note.number}`).not.toBe(
          oldDe.noteByNumber.get(note.number)?.text,
        );
      }
    }
    for (const port of current.portSettings) {
      const was = old.portSettings.find((p) => p.key === port.key);
      if (was && was.description !== port.description) {
        const before = oldDe.portSettings.find((p) => p.key === port.key)?.description;
        expect(currentDe.portSettings.find((p) => p.key === port.key)?.description, port.key).not.toBe(
          before,
        );
      }
    }
    expect(currentDe.roleById.get('cmg')?.name).toBe('Cloudverwaltungsgateway');
    expect(currentDe.roleById.get('cmg-connection-point')?.name).toBe('CMG-Verbindungspunkt');
  });

  it('name only ids some edition knows, and each rule once', () => {
    const both = [old, current];
    const unknown = (ids: readonly string[], known: (id: string) => boolean) =>
      ids.filter((id) => !known(id));
    const ruleIds = rulesDe.descriptions.flatMap((d) => d.rules);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    const allRules = new Set(both.flatMap((c) => [...c.rules, ...c.supplementaryRules].map((r) => r.id)));
    expect(unknown(ruleIds, (id) => allRules.has(id))).toEqual([]);
    expect(unknown(Object.keys(rolesDe.roles), (id) => both.some((c) => c.roleById.has(id)))).toEqual([]);
    expect(unknown(Object.keys(rolesDe.groups), (id) => old.roleGroups.some((g) => g.id === id))).toEqual([]);
    expect(
      unknown(Object.keys(rolesDe.options), (id) => current.roleOptions.some((o) => o.id === id)),
    ).toEqual([]);
    expect(unknown(Object.keys(servicesDe.services), (id) => old.serviceById.has(id))).toEqual([]);
    expect(unknown(Object.keys(notesDe.notes), (n) => old.noteByNumber.has(Number(n)))).toEqual([]);
    const ports = new Set(both.flatMap((c) => c.portSettings.map((p) => p.key)));
    expect(unknown(Object.keys(settingsDe.ports), (key) => ports.has(key))).toEqual([]);
    expect(
      unknown(Object.keys(settingsDe.ranges), (key) => old.rangeSettings.some((r) => r.key === key)),
    ).toEqual([]);
    expect(
      unknown(Object.keys(settingsDe.flags), (key) => old.flagSettings.some((f) => f.key === key)),
    ).toEqual([]);
    expect(
      unknown(Object.keys(supplementaryDe.lists), (id) => old.supplementaryLists.some((l) => l.id === id)),
    ).toEqual([]);
    expect(Object.keys(editionsDe.editions).sort()).toEqual(EDITIONS.map((e) => e.id).sort());
    const retired = editionsDe.editions.current;
    expect(
      unknown(Object.keys(retired.retiredSections), (a) =>
        current.retiredSections.some((s) => s.anchor === a),
      ),
    ).toEqual([]);
    expect(
      unknown(Object.keys(retired.retiredRoles), (id) => Boolean(current.roleById.get(id)?.retired)),
    ).toEqual([]);
  });

  it('are checked by their schema: an empty word or a rule without ids is refused', () => {
    expect(rolesWordsSchema.safeParse(rolesDe).success).toBe(true);
    expect(rolesWordsSchema.safeParse({ ...rolesDe, groups: { site: '' } }).success).toBe(false);
    expect(rulesWordsSchema.safeParse({ descriptions: [{ description: 'HTTP', rules: [] }] }).success).toBe(
      false,
    );
  });
});
