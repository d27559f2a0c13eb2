import { CheckContext } from '@/domain/checks/context';
import { roleName } from '@/domain/checks/wording';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import { loadEdition } from '@/domain/editions';
import { makeHost } from '../../builders';
import { english, german } from '../../support/words';
import { extend, findingById, healthyPrimary, remoteSqlSite } from './support';

/** The checks' messages in words: English as before, German as a German admin tool writes it. */
describe('check messages', () => {
  it('name a role with the English article its name takes, in every edition', () => {
    for (const edition of [loadEdition('2018-de'), loadEdition('current')]) {
      const doc = healthyPrimary();
      const ctx = new CheckContext(doc, edition, deriveFlows(doc, edition));
      for (const role of edition.roles) {
        const name = roleName(edition, role.id);
        const expected =
          role.id === 'internet'
            ? `the ${name}`
            : ['intune', 'exchange-online', 'azure'].includes(role.id)
              ? name
              : /^([aeiou]|SMS|SQL)/i.test(name)
                ? `an ${name}`
                : `a ${name}`;
        const said = english(
          { key: 'checks:fix.addHost', params: { role: ctx.aRole(role.id), host: 'X' } },
          edition,
        );
        expect(said, role.id).toBe(`Add ${expected} for X`);
      }
    }
  });

  it('read as German, with the German role names', () => {
    const phones = extend(healthyPrimary(), [makeHost('mob', ['mobile-device'], { name: 'Phones' })]);
    expect(german(findingById(phones, 'peer-missing:mob:mobile-device').message)).toBe(
      'Phones (Mobiles Gerät) hat keine Verbindung zu einem Host mit der Rolle Anmeldungsproxypunkt oder Microsoft Intune.',
    );
    const noDatabase = extend(remoteSqlSite(), [
      makeHost('mp', ['management-point'], { name: 'P01-MP', site: 'P01' }),
    ]);
    const database = findingById(noDatabase, 'database-link-missing:mp');
    expect(german(database.message)).toBe(
      'P01-MP (Verwaltungspunkt) liest die Standortdatenbank, hat aber keine Verbindung zu einem SQL Server von Standort P01. Verbinden Sie den Host mit P01-SQL.',
    );
    expect(german(database.fix?.label ?? { key: 'none' })).toBe('P01-MP mit P01-SQL verbinden');
    const clients = extend(healthyPrimary(), [makeHost('cl2', ['client'], { name: 'Büro', site: 'P01' })]);
    const mp = findingById(clients, 'client-management-point-missing:cl2');
    expect(german(mp.message)).toMatch(
      /^Büro \(Clients von Standort P01\) hat keine Verbindung zu einem Verwaltungspunkt;/,
    );
    expect(german(mp.fix?.label ?? { key: 'none' })).toBe('Büro mit P01-MP verbinden');
  });

  it('say counts, lists and numbers the German way', () => {
    const doc = healthyPrimary();
    const rpc = findingById(doc, 'rpc-dynamic-range');
    expect(german(rpc.message)).toMatch(
      /^Der dynamische RPC-Portbereich 49152-65535 ist für \d+ Datenflüsse offen \(Hinweis 6\)\./,
    );
    expect(german(findingById(doc, 'site-system-direction').message)).toMatch(
      /^Auf \d+ Verbindung(en)? öffnen/,
    );
    const shared = extend(healthyPrimary(), [
      makeHost('a', ['client'], { name: 'A', ip: '10.0.0.1', site: 'P01' }),
      makeHost('b', ['client'], { name: 'B', ip: '10.0.0.1', site: 'P01' }),
      makeHost('c', ['client'], { name: 'C', ip: '10.0.0.1', site: 'P01' }),
    ]);
    expect(german(findingById(shared, 'duplicate-ip:10.0.0.1').message)).toBe(
      'A, B und C verwenden dieselbe IP-Adresse 10.0.0.1.',
    );
    expect(english(findingById(shared, 'duplicate-ip:10.0.0.1').message)).toBe(
      'A, B, and C share the IP address 10.0.0.1',
    );
  });

  it('use the English role names of the catalogue they are said with', () => {
    const phones = extend(healthyPrimary(), [makeHost('mob', ['mobile-device'], { name: 'Phones' })]);
    expect(english(findingById(phones, 'peer-missing:mob:mobile-device').message, catalogue)).toBe(
      'Phones (mobile device) has no link to an enrollment proxy point or Microsoft Intune',
    );
  });
});
