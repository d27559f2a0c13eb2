import { runChecks } from '@/domain/checks/run-checks';
import { deriveFlows } from '@/domain/derive';
import { loadEdition } from '@/domain/editions';
import { settingsForEdition } from '@/domain/settings';
import { makeDocument, makeHost } from '../../builders';
import { english, german } from '../../support/words';
import { text } from './support';

const current = loadEdition('current');

function onCurrent(
  hosts: Parameters<typeof makeDocument>[0],
  links: Parameters<typeof makeDocument>[1] = [],
) {
  const doc = makeDocument(hosts, links);
  return { ...doc, settings: settingsForEdition(doc.settings, current) };
}

describe('a host holding a role the edition retired', () => {
  it('keeps the role, derives no flow from it, and a warning names the release that removed it', () => {
    const doc = onCurrent(
      [
        makeHost('pc', ['client'], { name: 'PC' }),
        makeHost('acw', ['app-catalog-website-point'], { name: 'ACW' }),
      ],
      [['pc', 'acw']],
    );
    expect(deriveFlows(doc, current).flows).toEqual([]);
    const retired = runChecks(doc, current).filter((f) => f.check === 'retired-role');
    expect(retired).toHaveLength(1);
    expect(retired[0]).toMatchObject({
      severity: 'warning',
      hosts: ['acw'],
      id: 'retired-role:acw:app-catalog-website-point',
    });
    expect(text(retired[0])).toMatch(/^ACW holds the .+ role, which release 1910 removed/);
    expect(text(retired[0])).toMatch(/derives no flow$/);
  });

  it("names the edition and the reason in the reader's language (the catalogue's words)", () => {
    const doc = onCurrent([makeHost('acw', ['app-catalog-website-point'], { name: 'ACW' })]);
    const [finding] = runChecks(doc, current).filter((f) => f.check === 'retired-role');
    if (!finding) throw new Error('no finding');
    expect(english(finding.message, current)).toBe(
      `ACW holds the application catalog website point role, which release 1910 removed (${current.edition.title}): Configuration Manager 1910 removed the application catalog and both of its site system roles. The host keeps the role, but it derives no flow`,
    );
    expect(german(finding.message, current)).toBe(
      'ACW hat die Rolle Anwendungskatalog-Websitepunkt, die mit Release 1910 entfernt wurde (In Configuration Manager verwendete Ports (Current Branch, englische Seite)): Configuration Manager 1910 hat den Anwendungskatalog und seine beiden Standortsystemrollen entfernt. Der Host behält die Rolle, aus ihr ergibt sich aber kein Datenfluss.',
    );
  });

  it('says which date ended hybrid Intune', () => {
    const doc = onCurrent([makeHost('in', ['intune'], { name: 'INTUNE' })]);
    const [finding] = runChecks(doc, current).filter((f) => f.check === 'retired-role');
    expect(text(finding)).toContain('release 2019-09-01 removed');
  });

  it('says nothing under 2018-de, where the role is not retired', () => {
    const doc = makeDocument([makeHost('acw', ['app-catalog-website-point'])]);
    expect(runChecks(doc, loadEdition('2018-de')).filter((f) => f.check === 'retired-role')).toEqual([]);
  });
});
