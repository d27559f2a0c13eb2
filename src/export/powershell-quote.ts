/**
 * Text into generated PowerShell, safely. Everything a diagram says (host names, addresses,
 * descriptions, the diagram's name) goes in as a single-quoted literal, where `$`, backticks,
 * `$(...)`, `;` and double quotes are plain characters; only the quote characters end it.
 */

/**
 * The characters PowerShell takes for a single quote: the ASCII one and the typographic ones
 * (‘ ’ ‚ ‛). A name holding ’ would end a literal that only doubled the ASCII quote.
 */
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/**
 * Control characters (C0, DEL, C1 with NEL), line and paragraph separators: anything that could
 * end a line or a comment, or hide in a terminal.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed.
const LINE_BREAKERS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g;

/**
 * Text on one line: every run of control characters and line separators becomes one space.
 *
 * @example
 * oneLine('a\r\nb'); // 'a b'
 */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKERS, ' ');
}

/**
 * A single-quoted PowerShell string literal holding `text` on one line: each quote character is
 * doubled (PowerShell reads two quote characters in a row as the second one), control characters
 * become spaces.
 *
 * @example
 * psQuote("O'Brien $(calc)"); // "'O''Brien $(calc)'"
 */
export function psQuote(text: string): string {
  return `'${oneLine(text).replace(SINGLE_QUOTES, '$&$&')}'`;
}

/** An array of literals, `@('a', 'b')`. */
export function psArray(values: readonly string[]): string {
  return `@(${values.map(psQuote).join(', ')})`;
}

/**
 * A comment line: `# ` and the text on one line. A line comment ends only at a line break, which
 * `oneLine` removes, so no text can step out of it.
 *
 * @example
 * psComment('WARNING: x\nRemove-Item C:\\'); // '# WARNING: x Remove-Item C:\\'
 */
export function psComment(text: string): string {
  return `# ${oneLine(text)}`.trimEnd();
}

/**
 * The condition a script's per-host block starts with: `-contains` compares case-blind, so
 * `p01-dp01` matches `P01-DP01`.
 *
 * @example
 * psHostIs(['DP', 'dp.corp.example']); // "@('DP', 'dp.corp.example') -contains $HostName"
 */
export function psHostIs(names: readonly string[]): string {
  return `${psArray(names)} -contains $HostName`;
}

/**
 * The first lines of a generated script: a UTF-8 BOM, then the comments. Windows PowerShell 5.1
 * reads a script without a BOM as ANSI, where the UTF-8 bytes of some characters (U+2011 ends in
 * 0x91, which is ‘ in Windows-1252) turn into quote characters: the BOM keeps names intact.
 */
export function psHeader(lines: readonly string[]): string {
  return `\uFEFF${lines.map(psComment).join('\n')}\n`;
}
