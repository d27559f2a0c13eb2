import { readFileSync } from 'node:fs';
import { catalogue } from '@/domain/default-catalogue';
import { DELTA_COLUMNS, deltaCellText, deltaCellValue } from '@/domain/delta/delta-columns';
import type { DeltaEntry } from '@/domain/delta/delta-types';
import { parsePortCell, parseProtocolCell, parseSectionsCell } from '@/domain/delta/port-text';
import { rowsOfSavedDocument } from '@/domain/delta/saved-document';
import { deriveFlows } from '@/domain/derive';
import { loadEdition } from '@/domain/editions';
import { readDocumentText, serializeDocument } from '@/domain/restore';
import { flowsToRows } from '@/domain/rows';
import { deltaChangeWords, rowWords } from '@/i18n/row-words';
import { english } from '../support/words';

describe('port, protocol and section cells', () => {
  it('reads single ports as numbers or text and ranges as lo-hi', () => {
    expect(parsePortCell(443)).toEqual({ kind: 'single', port: 443 });
    expect(parsePortCell(' 8530 ')).toEqual({ kind: 'single', port: 8530 });
    expect(parsePortCell('49152-65535')).toEqual({ kind: 'range', from: 49152, to: 65535 });
    expect(parsePortCell('80 - 80')).toEqual({ kind: 'range', from: 80, to: 80 });
  });
  it('refuses what we would never have written', () => {
    for (const bad of ['', 'http', '80,443', '65536', '5000-1024', '1.5', '-1', '0x50']) {
      expect(parsePortCell(bad)).toBeUndefined();
    }
    expect(parsePortCell(1.5)).toBeUndefined();
    expect(parsePortCell(70_000)).toBeUndefined();
  });
  it('reads protocols in any case and splits sections on ;', () => {
    expect(parseProtocolCell(' tcp')).toBe('TCP');
    expect(parseProtocolCell('Udp')).toBe('UDP');
    expect(parseProtocolCell('ICMP')).toBeUndefined();
    expect(parseSectionsCell('BKMK_A; BKMK_B;')).toEqual(['BKMK_A', 'BKMK_B']);
    expect(parseSectionsCell('')).toEqual([]);
  });
});

describe('delta cells', () => {
  const entry: DeltaEntry = {
    change: 'changed',
    source: 'A',
    target: 'B',
    protocol: 'TCP',
    service: 'Web',
    portsBefore: [{ kind: 'single', port: 443 }],
    portsAfter: [
      { kind: 'single', port: 8080 },
      { kind: 'range', from: 49152, to: 65535 },
    ],
    sections: ['BKMK_A', 'BKMK_B'],
  };
  it('writes one single port as a number, several ports and ranges as text', () => {
    expect(deltaCellValue(entry, 'portsBefore', deltaChangeWords('en'))).toBe(443);
    expect(deltaCellValue(entry, 'portsAfter', deltaChangeWords('en'))).toBe('8080, 49152-65535');
    expect(deltaCellValue({ ...entry, portsAfter: [] }, 'portsAfter', deltaChangeWords('en'))).toBe('');
    expect(deltaCellText(entry, 'sections', deltaChangeWords('en'))).toBe('BKMK_A;BKMK_B');
    expect(DELTA_COLUMNS.map((c) => deltaCellText(entry, c.key, deltaChangeWords('en')))).toEqual([
      'changed',
      'A',
      'B',
      'TCP',
      '443',
      '8080, 49152-65535',
      'Web',
      'BKMK_A;BKMK_B',
    ]);
  });
});

describe('rowsOfSavedDocument', () => {
  const text = readFileSync('data/examples/standalone-primary.json', 'utf8');

  it('derives a saved diagram with its own edition', () => {
    const read = readDocumentText(text, catalogue);
    if (!read.ok) throw new Error(read.error.key);
    const old = loadEdition('2018-de');
    const saved = serializeDocument({
      ...read.document,
      settings: { ...read.document.settings, edition: '2018-de' },
    });
    const result = rowsOfSavedDocument(saved, catalogue, (c) => rowWords(c, 'en'));
    if (!result.ok) throw new Error(result.error.key);
    const again = readDocumentText(saved, catalogue);
    if (!again.ok) throw new Error(again.error.key);
    expect(result.rows).toEqual(
      flowsToRows(deriveFlows(again.document, old).flows, again.document, rowWords(old, 'en')),
    );
    expect(result.name).toBe(read.document.name);
    // The earlier request is not re-derived with today's edition (which adds flows here).
    const current = loadEdition('current');
    expect(result.rows.length).not.toBe(deriveFlows(again.document, current).flows.length);
  });

  it('says why a file is not a diagram', () => {
    const empty = rowsOfSavedDocument('', catalogue, (c) => rowWords(c, 'en'));
    expect(empty.ok).toBe(false);
    expect(empty.ok ? '' : english(empty.error)).toBe('Not a topology file: the file is empty');
    expect(rowsOfSavedDocument('{"x":1}', catalogue, (c) => rowWords(c, 'en'))).toMatchObject({ ok: false });
  });
});
