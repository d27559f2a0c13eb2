/**
 * Limits are the same in the UI, in files and after fixes (issue 15): the inspector's rules are the
 * domain's, so what it accepts survives a reload unchanged and what it refuses never comes in
 * through a file; a fix cannot copy a giant site code into a host name.
 */
import { applyFix } from '@/domain/checks/apply-fix';
import { runChecks } from '@/domain/checks/run-checks';
import { catalogue } from '@/domain/default-catalogue';
import { TEXT_LIMIT } from '@/domain/document';
import * as hostFields from '@/domain/host-fields';
import { isMessage } from '@/domain/message';
import { readDocumentText, serializeDocument } from '@/domain/restore';
import { toDocument } from '@/store/app-store';
import type { Text } from '@/store/ui-types';
import { checkFqdn, checkHostName, checkSiteCode } from '@/store/validators';
import { makeDocument, makeHost, makeStore } from '../builders';
import { german } from '../support/words';
import { text } from './text';

function reloaded(store: ReturnType<typeof makeStore>) {
  const result = readDocumentText(serializeDocument(toDocument(store.getState())), catalogue);
  if (!result.ok) throw new Error(text(result.error));
  return result;
}

describe('the inspector and restore apply the same limits', () => {
  it('uses the domain rules for site codes and DNS names', () => {
    expect(checkSiteCode).toBe(hostFields.checkSiteCode);
    expect(checkFqdn).toBe(hostFields.checkFqdn);
  });

  it(`accepts a name of ${TEXT_LIMIT} characters, which survives a reload uncut`, () => {
    const store = makeStore(makeDocument([makeHost('mp', ['management-point'])]));
    const name = `${'ñ'.repeat(TEXT_LIMIT - 2)}🙂`;
    expect(name.length).toBe(TEXT_LIMIT);
    expect(store.getState().setHostField('mp', 'name', name)).toBeUndefined();
    const result = reloaded(store);
    expect(result.problems).toEqual([]);
    expect(result.document.hosts[0]?.name).toBe(name);
  });

  it('refuses a longer name at the input, naming the limit, and keeps the old one', () => {
    const store = makeStore(makeDocument([makeHost('mp', ['management-point'])]));
    expect(text(checkHostName('x'.repeat(TEXT_LIMIT + 1)))).toMatch(
      /at most 10,000 characters \(this one has 10,001\)/,
    );
    expect(text(store.getState().setHostField('mp', 'name', 'x'.repeat(15_004)))).toMatch(/at most 10,000/);
    expect(store.getState().hosts[0]?.name).toBe('mp');
  });

  it('keeps every site code, DNS name and IP the inspector accepts through a reload', () => {
    const store = makeStore(makeDocument([makeHost('mp', ['management-point'])]));
    expect(store.getState().setHostField('mp', 'site', ' p01 ')).toBeUndefined();
    expect(store.getState().setHostField('mp', 'fqdn', ' mp01.corp.example. ')).toBeUndefined();
    expect(store.getState().setHostField('mp', 'ip', ' 10.0.0.5 ')).toBeUndefined();
    const before = store.getState().hosts[0];
    const result = reloaded(store);
    expect(result.problems).toEqual([]);
    expect(result.document.hosts[0]).toEqual(before);
  });

  it('refuses in the inspector what restore drops from a file', () => {
    const store = makeStore(makeDocument([makeHost('mp', ['management-point'])]));
    const giant = 'P'.repeat(10_000);
    expect(text(store.getState().setHostField('mp', 'site', giant))).toMatch(/not a site code/);
    expect(text(store.getState().setHostField('mp', 'fqdn', 'mp 01'))).toMatch(/not a host name/);
    const file = serializeDocument(
      makeDocument([makeHost('mp', ['management-point'], { site: giant, fqdn: 'mp 01' })]),
    );
    const result = readDocumentText(file, catalogue);
    expect(result.ok && result.document.hosts[0]).toEqual(expect.not.objectContaining({ site: giant }));
    expect(result.ok && result.problems.map(text).join('\n')).toMatch(/site code dropped/);
    expect(result.ok && result.problems.map(text).join('\n')).toMatch(/FQDN dropped/);
  });
});

describe('refusals in German', () => {
  it('says a refused IP, site code, DNS name and parent site in German, and keeps the old value', () => {
    const store = makeStore(makeDocument([makeHost('mp', ['management-point'], { ip: '10.0.0.5' })]));
    const said = (value: Text | undefined) => (isMessage(value) ? german(value) : value);
    expect(said(store.getState().setHostField('mp', 'ip', '10.0.0.300'))).toBe(
      '„10.0.0.300“ ist keine IPv4- oder IPv6-Adresse',
    );
    expect(said(store.getState().setHostField('mp', 'ip', '10.0.0.0/33'))).toBe(
      'das Präfix /33 liegt nicht zwischen 0 und 32',
    );
    expect(said(store.getState().setHostField('mp', 'ip', '10.0.0.0/8/8'))).toBe(
      '„10.0.0.0/8/8“ enthält mehr als einen „/“',
    );
    expect(store.getState().hosts[0]?.ip).toBe('10.0.0.5');
    expect(said(store.getState().setHostField('mp', 'site', 'P0'))).toMatch(/^„P0“ ist kein Standortcode/);
    expect(said(store.getState().setHostField('mp', 'fqdn', 'mp 01'))).toBe(
      '„mp 01“ ist kein Hostname wie mp01.corp.example',
    );
    expect(said(store.getState().setHostOptions('mp', { parentSite: 'CAS1' }))).toMatch(
      /^„CAS1“ ist kein Standortcode/,
    );
  });
});

describe('fixes stay within the limits', () => {
  it('never names a new host after a giant site code: restore drops it before any check runs', () => {
    const giant = 'S'.repeat(10_000);
    const file = serializeDocument(makeDocument([makeHost('site', ['site-server'], { site: giant })]));
    const result = readDocumentText(file, catalogue);
    if (!result.ok) throw new Error(text(result.error));
    const fixes = runChecks(result.document, catalogue).flatMap((f) => (f.fix ? [f.fix] : []));
    expect(fixes.length).toBeGreaterThan(0);
    for (const fix of fixes) {
      const fixed = applyFix(result.document, fix, catalogue);
      for (const host of fixed.hosts) {
        expect(checkHostName(host.name)).toBeUndefined();
        expect(host.name.length).toBeLessThan(64);
        expect(checkSiteCode(host.site ?? '')).toBeUndefined();
      }
    }
  });
});
