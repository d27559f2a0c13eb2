import notes from '@data/catalogue/notes.json';
import roles from '@data/catalogue/roles.json';
import rules from '@data/catalogue/rules.json';
import services from '@data/catalogue/services.json';
import settings from '@data/catalogue/settings.json';
import supplementary from '@data/catalogue/supplementary.json';
import { buildCatalogue, CatalogueError } from '@/domain/catalogue';
import { catalogue } from '@/domain/default-catalogue';
import { readSeed, seedAvailable, seedSections } from '../support/seed';

const seed = seedAvailable ? seedSections() : [];
const files = { roles, rules, services, notes, settings, supplementary };

describe.skipIf(!seedAvailable)('the port catalogue against the seed document', () => {
  it('holds the 62 connection sections and 143 protocol/port rules of the document', () => {
    expect(seed).toHaveLength(62);
    expect(seed.reduce((n, s) => n + s.rows.length, 0)).toBe(143);
    expect(catalogue.sections).toHaveLength(62);
    expect(catalogue.rules).toHaveLength(143);
  });

  it('has the seed sections in the seed order, with the same anchors and directions', () => {
    expect(catalogue.sections.map((s) => s.anchor)).toEqual(seed.map((s) => s.anchor));
    for (const [i, s] of seed.entries()) {
      expect(catalogue.sections[i]?.bidirectional, s.anchor).toBe(s.bidirectional);
      expect(catalogue.sections[i]?.headingDe, s.anchor).toBe(s.heading);
    }
  });

  it.each(seed.map((s) => [s.anchor, s] as const))('%s: roles match the German heading', (_anchor, s) => {
    const section = catalogue.sectionByAnchor.get(s.anchor)!;
    const from = catalogue.roleById.get(section.from)!;
    const to = catalogue.roleById.get(section.to)!;
    expect(from.namesDe).toContain(s.from);
    expect(to.namesDe).toContain(s.to);
  });

  it.each(seed.map((s) => [s.anchor, s] as const))(
    '%s: every protocol/port of the seed, nothing more',
    (_a, s) => {
      const mine = catalogue.rules
        .filter((r) => r.section === s.anchor)
        .map((r) => ({
          protocol: r.protocol,
          port: r.port,
          notes: [...r.notes].sort(),
          install: r.condition === 'site-install-remote-sql',
          from: r.from,
          to: r.to,
          bidirectional: r.bidirectional,
        }));
      const section = catalogue.sectionByAnchor.get(s.anchor)!;
      const expected = s.rows.map((row) => ({
        protocol: row.protocol,
        port: row.port,
        notes: [...new Set([...s.sectionNotes, ...row.notes])].sort(),
        install: row.table === 2,
        from: section.from,
        to: section.to,
        bidirectional: s.bidirectional,
      }));
      expect(mine).toEqual(expected);
    },
  );

  it('names only supplementary lists the seed has', () => {
    const text = readSeed();
    for (const list of catalogue.supplementaryLists) expect(text).toContain(`name="${list.section}"`);
  });
});

describe('the port catalogue', () => {
  it('holds 62 connection sections and 143 protocol/port rules', () => {
    expect(catalogue.sections).toHaveLength(62);
    expect(catalogue.rules).toHaveLength(143);
  });

  it('marks the conditions the document states', () => {
    const byCondition = (c: string) => catalogue.rules.filter((r) => r.condition === c).map((r) => r.section);
    expect(new Set(byCondition('dp-pxe'))).toEqual(new Set(['BKMK_PortsClient-DP3']));
    expect(new Set(byCondition('dp-multicast'))).toEqual(new Set(['BKMK_PortsClient-DP2']));
    expect(new Set(byCondition('site-install-remote-sql'))).toEqual(new Set(['BKMK_PortsSite-SQL']));
    expect(byCondition('wsus-standard')).toHaveLength(6);
    expect(byCondition('wsus-alternate')).toHaveLength(6);
    for (const r of catalogue.rules.filter((x) => x.condition === 'wsus-standard'))
      expect([80, 443]).toContain(r.port);
    for (const r of catalogue.rules.filter((x) => x.condition === 'wsus-alternate'))
      expect([8530, 8531]).toContain(r.port);
  });

  it('makes every note-2 port configurable, and dynamic ports follow the RPC range', () => {
    for (const rule of catalogue.rules) {
      if (rule.notes.includes(2)) expect(rule.setting, rule.id).toBeDefined();
      if (rule.port === 'dynamic') expect(rule.setting).toBe('rpcDynamic');
    }
  });

  it('gives every role a German name, an abbreviation and a colour, and every service a colour', () => {
    for (const role of catalogue.roles) {
      expect(role.namesDe.length).toBeGreaterThan(0);
      expect(role.abbr).toMatch(/^[A-Z]{2,5}$/);
      expect(role.color).toMatch(/^#[0-9a-f]{6}$/i);
    }
    const abbrs = catalogue.roles.map((r) => r.abbr);
    expect(new Set(abbrs).size).toBe(abbrs.length);
    for (const s of catalogue.services) expect(s.color).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('is the 2018-de edition: nothing retired, every section headed in German', () => {
    expect(catalogue.edition.id).toBe('2018-de');
    expect(catalogue.retiredSections).toEqual([]);
    for (const s of catalogue.sections) expect(s.headingDe, s.anchor).toBeTruthy();
    for (const r of catalogue.roles) expect(r.retired, r.id).toBeUndefined();
  });

  it('uses both German names where the document uses two words for one role', () => {
    expect(catalogue.roleById.get('enrollment-point')?.namesDe).toEqual([
      'Anmeldungspunkt',
      'Registrierungspunkt',
    ]);
    expect(catalogue.roleById.get('enrollment-proxy-point')?.namesDe).toEqual([
      'Anmeldungsproxypunkt',
      'Registrierungsproxypunkt',
    ]);
  });

  it('holds notes 1 to 6 and the supplementary lists of the document', () => {
    expect(catalogue.notes.map((n) => n.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(catalogue.supplementaryLists.map((l) => l.section)).toEqual([
      'BKMK_ClientShares',
      'BKMK_SQLPorts',
      'bkmk_discovery',
      'BKMK_IBCMports',
      'BKMK_ServerPorts',
    ]);
  });

  it('refuses a catalogue whose rule names an unknown role, service, note or setting', () => {
    const broken = (patch: Record<string, unknown>) => ({
      ...rules,
      rules: [{ ...rules.rules[0], ...patch }, ...rules.rules.slice(1)],
    });
    expect(() => buildCatalogue({ ...files, rules: broken({ to: 'nope-role' }) })).toThrow(CatalogueError);
    expect(() => buildCatalogue({ ...files, rules: broken({ service: 'nope' }) })).toThrow(/unknown service/);
    expect(() => buildCatalogue({ ...files, rules: broken({ notes: [7] }) })).toThrow(CatalogueError);
    expect(() => buildCatalogue({ ...files, rules: broken({ setting: 'nope' }) })).toThrow(/unknown setting/);
    expect(() => buildCatalogue({ ...files, rules: broken({ port: 70000 }) })).toThrow(CatalogueError);
    expect(() => buildCatalogue({ ...files, rules: broken({ port: '64000-63000' }) })).toThrow(/bad range/);
    expect(() => buildCatalogue({ ...files, rules: broken({ id: rules.rules[1]!.id }) })).toThrow(
      /duplicate/,
    );
    const retiredMp = {
      ...roles,
      roles: roles.roles.map((r) =>
        r.id === 'management-point' ? { ...r, retired: { release: '9999', reason: 'test' } } : r,
      ),
    };
    expect(() => buildCatalogue({ ...files, roles: retiredMp })).toThrow(/role management-point is retired/);
  });
});
