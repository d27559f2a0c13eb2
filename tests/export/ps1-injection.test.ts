/**
 * No text of a diagram can step out of the generated scripts' quoted literals and comments: the
 * scripts of a topology full of hostile names have exactly the code of the same topology with
 * plain names, and every name comes back whole (on one line) from its literal.
 */
import type { Host, TopologyDocument } from '@/domain/document';
import { oneLine, psComment, psQuote } from '@/export/powershell-quote';
import { firewallScript } from '@/export/ps1-firewall-script';
import { connectivityTestScript } from '@/export/ps1-test-script';
import { inputOf, smallTopology, tokenise } from './ps1-support';

/** Names that would run code, or end a literal or a line, if written unquoted or quoted naively. */
const HOSTILE = [
  "O'Brien",
  'say "hi"',
  '$(Start-Process calc.exe)',
  '`$env:PATH`',
  'a; Remove-Item C:\\ -Recurse',
  'first\nRemove-Item C:\\ -Recurse',
  'cr\rlf\r\nnel\u0085ls\u2028ps\u2029end',
  '\u2018curly\u2019 \u201Alow\u201B',
  "x'); Start-Process calc; ('",
  '\u2019) ; Start-Process calc ; (\u2018',
  '# not a comment <# nor a block #>',
  'nul\u0000tab\tdel\u007F',
  'non\u2011breaking hyphen',
] as const;

const SCRIPTS = [
  ['firewall', firewallScript],
  ['connectivity test', connectivityTestScript],
] as const;

function named(name: (i: number) => string, documentName: string): TopologyDocument {
  let i = 0;
  const document = smallTopology((h: Host) => ({ ...h, name: name(i++) }));
  return { ...document, name: documentName };
}

const stripped = (text: string) => oneLine(text);

describe.each(SCRIPTS)('the %s script with hostile names', (_, script) => {
  it.each(HOSTILE)('keeps %j inside literals and comments', (evil) => {
    const hostile = script(inputOf(named((i) => `${evil} ${i}`, evil)));
    const plain = script(inputOf(named((i) => `plain ${i}`, 'plain')));
    const read = tokenise(hostile);
    expect(read.code).toBe(tokenise(plain).code);
    expect(read.literals.filter((l) => l.startsWith(`${stripped(evil)} `)).length).toBeGreaterThan(1);
    // Only line feeds end lines; no other control character is left anywhere (the BOM opens the file).
    expect(hostile.startsWith('\uFEFF')).toBe(true);
    const controls = [...hostile.slice(1)].filter((c) => {
      const code = c.charCodeAt(0);
      return (
        (code < 0x20 && c !== '\n') || (code >= 0x7f && code <= 0x9f) || c === '\u2028' || c === '\u2029'
      );
    });
    expect(controls).toEqual([]);
  });

  it('takes no address from an FQDN or IP that is not one', () => {
    const evilFqdn = "dp.corp.example'; Start-Process calc; '";
    const evilIp = "10.0.0.1'; Start-Process calc; '";
    const withEvil = smallTopology((h) => (h.ip || h.fqdn ? { ...h, fqdn: evilFqdn, ip: evilIp } : h));
    const withPlainBad = smallTopology((h) => (h.ip || h.fqdn ? { ...h, fqdn: 'not a.name', ip: 'bad' } : h));
    const read = tokenise(script(inputOf(withEvil)));
    expect(read.code).toBe(tokenise(script(inputOf(withPlainBad))).code);
    expect(read.literals.filter((l) => l.startsWith('10.0.0.1'))).toEqual([]);
  });
});

describe('PowerShell literals', () => {
  it('double every quote character PowerShell knows, and nothing else', () => {
    expect(psQuote("it's")).toBe("'it''s'");
    expect(psQuote('\u2018a\u2019b\u201Ac\u201Bd')).toBe(
      "'\u2018\u2018a\u2019\u2019b\u201A\u201Ac\u201B\u201Bd'",
    );
    expect(psQuote('$(x) `y` "z" ; #')).toBe('\'$(x) `y` "z" ; #\'');
  });

  it('put text on one line', () => {
    expect(psQuote('a\r\nb\nc\u0085d\u2028e')).toBe("'a b c d e'");
    expect(psComment('warning\nRemove-Item C:\\')).toBe('# warning Remove-Item C:\\');
  });
});
