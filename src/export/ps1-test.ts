import type { ExportFormat } from './export-format';

/** The connectivity test as one PowerShell script that takes the host name. */
export const ps1TestFormat: ExportFormat<'ps1-test'> = {
  id: 'ps1-test',
  label: 'Connectivity test (.ps1)',
  hint: 'PowerShell: try each flow, save the results',
  noun: 'PowerShell connectivity test',
  words: {
    label: 'export:formats.ps1Test.label',
    hint: 'export:formats.ps1Test.hint',
    noun: 'export:formats.ps1Test.noun',
  },
  mime: 'text/plain;charset=utf-8',
  extension: 'connectivity-test.ps1',
  binary: false,
  async build(input) {
    // The script builder loads when this format is exported, not with the page.
    const { connectivityTestScript } = await import('./ps1-test-script');
    const text = connectivityTestScript(input);
    input.onProgress?.(input.rows.length, input.rows.length);
    return text;
  },
};
