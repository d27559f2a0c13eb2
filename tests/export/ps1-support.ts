/**
 * Shared by the PowerShell script and result import tests: a small topology with every case the
 * scripts handle, and a reader for PowerShell's single-quoted literals.
 */
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import type { Host, TopologyDocument, Zone } from '@/domain/document';
import { type FlowRow, flowsToRows } from '@/domain/rows';
import type { ExportInput } from '@/export/export-format';
import { rowWords } from '@/i18n/row-words';
import { makeDocument, makeHost } from '../builders';

/**
 * Clients (a subnet by zone CIDR) and Lab (no IP, no zone) open MP01; Lab alone opens DP01 (PXE,
 * so UDP too); ADMIN (an IP) opens the SMS provider (RPC, so a range).
 */
export function smallTopology(patch: (host: Host) => Host = (h) => h): TopologyDocument {
  const lan = { id: 'lan', name: 'Client LAN', cidrs: ['10.20.0.0/16'] } as Zone;
  return makeDocument(
    [
      makeHost('clients', ['client'], { name: 'Clients', zone: 'lan' }),
      makeHost('lab', ['client'], { name: 'Lab' }),
      makeHost('mp', ['management-point'], { name: 'MP01', fqdn: 'mp01.corp.example', ip: '10.0.0.20' }),
      makeHost('dp', ['distribution-point'], { name: 'DP01', ip: '10.0.0.30', options: { pxe: true } }),
      makeHost('prov', ['sms-provider'], { name: 'PROV01', fqdn: 'prov01.corp.example' }),
      makeHost('admin', ['console'], { name: 'ADMIN', ip: '10.0.5.10' }),
    ].map(patch),
    [
      ['clients', 'mp'],
      ['lab', 'mp'],
      ['lab', 'dp'],
      ['admin', 'prov'],
    ],
    { name: 'Small site', zones: [lan] },
  );
}

export function rowsOfDocument(document: TopologyDocument): FlowRow[] {
  return flowsToRows(deriveFlows(document, catalogue).flows, document, rowWords(catalogue, 'en'));
}

export function inputOf(document: TopologyDocument): ExportInput {
  return {
    rows: rowsOfDocument(document),
    document,
    catalogue,
    appVersion: '9.9.9',
    exportedAt: new Date(Date.UTC(2026, 10, 25, 14, 3)),
  };
}

const QUOTES = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B']);

/**
 * Splits a script the way PowerShell's tokenizer sees single-quoted literals and line comments:
 * returns the code with every literal replaced by `'…'` and every comment by `#`, and the
 * literals' values. Two quote characters in a row inside a literal are one (the second), as in
 * PowerShell; any of ' ‘ ’ ‚ ‛ opens and closes one.
 */
export function tokenise(script: string): { code: string; literals: string[] } {
  let code = '';
  const literals: string[] = [];
  for (let i = 0; i < script.length; i += 1) {
    const c = script[i] as string;
    if (c === '#') {
      while (i + 1 < script.length && script[i + 1] !== '\n') i += 1;
      code += '#';
    } else if (QUOTES.has(c)) {
      let value = '';
      for (i += 1; i < script.length; i += 1) {
        const d = script[i] as string;
        if (QUOTES.has(d)) {
          if (!QUOTES.has(script[i + 1] ?? '')) break;
          i += 1;
          value += script[i];
        } else value += d;
      }
      literals.push(value);
      code += "'…'";
    } else code += c;
  }
  return { code, literals };
}
