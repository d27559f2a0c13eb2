import { flowKey } from '@/domain/firewall/flow-key';
import { formatPort } from '@/domain/flow';
import { readCsv } from '@/domain/results/csv-records';
import { importResults } from '@/domain/results/import-results';
import type { FlowRow } from '@/domain/rows';
import { rowsOfDocument, smallTopology } from '../export/ps1-support';

const document = smallTopology();
const rows = rowsOfDocument(document);

function row(source: string, target: string, protocol: string, port: string): FlowRow {
  const found = rows.find(
    (r) =>
      r.source === source && r.target === target && r.protocol === protocol && formatPort(r.port) === port,
  );
  if (!found) throw new Error(`no flow ${source} -> ${target} ${protocol} ${port}`);
  return found;
}

/** A result file as the generated script writes it (Export-Csv: BOM, every field quoted, CRLF). */
const GOOD = [
  '\uFEFF"source","target","protocol","port","result","timestamp","note"',
  '"ADMIN","PROV01","TCP","135","open","2026-11-25T14:03:00.0000000+01:00",""',
  '"ADMIN","PROV01","TCP","49152-65535","blocked","2026-11-25T14:03:01.0000000+01:00","range: only port 49152 tried"',
  '"ADMIN","PROV01","UDP","135","untested","2026-11-25T14:03:01.0000000+01:00","UDP: not testable with a connection"',
  '',
].join('\r\n');

describe('importing connectivity results', () => {
  it('marks the flows a good file names verified or blocked, by flow key', () => {
    const read = importResults(GOOD, rows, document.hosts);
    expect(read).toMatchObject({ ok: true, untested: 1, unknown: [] });
    if (!read.ok) return;
    expect([...read.checks]).toEqual([
      [flowKey(row('ADMIN', 'PROV01', 'TCP', '135')), 'verified'],
      [flowKey(row('ADMIN', 'PROV01', 'TCP', '49152-65535')), 'blocked'],
    ]);
  });

  it('reads semicolons, LF or CR line ends, no BOM, any column order and case, FQDNs and IPs', () => {
    const text = [
      'Result;Port;Protocol;Target;Source',
      'OPEN;80;tcp;mp01.corp.example;Clients',
      'blocked;443 ;TCP;MP01.CORP.EXAMPLE; Clients ',
      'open;80;TCP;10.0.0.30;lab',
    ].join('\n');
    const read = importResults(text, rows, document.hosts);
    expect(read).toMatchObject({ ok: true, untested: 0, unknown: [] });
    if (!read.ok) return;
    expect(read.checks.get(flowKey(row('Clients', 'MP01', 'TCP', '80')))).toBe('verified');
    expect(read.checks.get(flowKey(row('Clients', 'MP01', 'TCP', '443')))).toBe('blocked');
    expect(read.checks.get(flowKey(row('Lab', 'DP01', 'TCP', '80')))).toBe('verified');
    expect(importResults(text.replace(/\n/g, '\r'), rows, document.hosts)).toEqual(read);
  });

  it('reports unknown lines with their line and reason, and applies none of them', () => {
    const text = [
      'source,target,protocol,port,result',
      'Nobody,MP01,TCP,80,open',
      'Clients,Nowhere,TCP,80,open',
      'Clients,MP01,ICMP,80,open',
      'Clients,MP01,TCP,http,open',
      'Clients,MP01,TCP,80,maybe',
      'Clients,MP01,TCP,81,open',
      'MP01,Clients,TCP,80,open',
      'Clients,MP01',
      '"Clients","MP01","TCP","10123","open"',
      'Clients,MP01,TCP,443,constructor',
    ].join('\r\n');
    const read = importResults(text, rows, document.hosts);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.unknown.map((u) => [u.line, u.reason])).toEqual([
      [2, 'source'],
      [3, 'target'],
      [4, 'protocol'],
      [5, 'port'],
      [6, 'result'],
      [7, 'no-flow'],
      [8, 'no-flow'],
      [9, 'fields'],
      [11, 'result'],
    ]);
    expect(read.unknown[0]).toEqual({
      line: 2,
      reason: 'source',
      source: 'Nobody',
      target: 'MP01',
      protocol: 'TCP',
      port: '80',
      result: 'open',
    });
    expect([...read.checks.values()]).toEqual(['verified']);
  });

  it('does not guess between hosts that share a name', () => {
    const twins = smallTopology((h) => (h.id === 'lab' ? { ...h, name: 'Clients' } : h));
    const read = importResults(
      'source,target,protocol,port,result\nClients,MP01,TCP,80,open\n',
      rowsOfDocument(twins),
      twins.hosts,
    );
    expect(read).toMatchObject({ ok: true, unknown: [{ line: 2, reason: 'ambiguous' }] });
  });

  it('keeps the later line for a flow tested twice', () => {
    const text =
      'source,target,protocol,port,result\nADMIN,PROV01,TCP,135,blocked\nADMIN,PROV01,TCP,135,open\n';
    const read = importResults(text, rows, document.hosts);
    expect(read.ok && [...read.checks.values()]).toEqual(['verified']);
  });

  it('refuses a file without the result columns, or with a quote never closed', () => {
    expect(importResults('Source host,Destination host,Port\nA,B,80\n', rows, document.hosts)).toEqual({
      ok: false,
      error: 'columns',
      missing: ['source', 'target', 'protocol', 'result'],
    });
    expect(importResults('', rows, document.hosts)).toMatchObject({ ok: false, error: 'columns' });
    const open = 'source,target,protocol,port,result\nADMIN,"PROV01,TCP,135,open\n';
    expect(importResults(open, rows, document.hosts)).toEqual({
      ok: false,
      error: 'unclosed-quote',
      line: 2,
    });
  });
});

describe('reading CSV records', () => {
  it('keeps delimiters, doubled quotes and line breaks inside quotes, and counts lines', () => {
    const read = readCsv('\uFEFFa;b\r\n"x;1";"say ""hi"""\r\n\r\n"two\r\nlines";z\r\nlast;1');
    expect(read).toEqual({
      ok: true,
      delimiter: ';',
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['x;1', 'say "hi"'] },
        { line: 4, fields: ['two\r\nlines', 'z'] },
        { line: 6, fields: ['last', '1'] },
      ],
    });
  });

  it('takes a comma when the header has as many commas as semicolons', () => {
    expect(readCsv('a,b;c\n1,2;3\n')).toMatchObject({
      delimiter: ',',
      records: [{ fields: ['a', 'b;c'] }, {}],
    });
  });
});
