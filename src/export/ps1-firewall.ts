import type { ExportFormat } from './export-format';

/** Windows Firewall rules as one PowerShell script that takes the host name. */
export const ps1FirewallFormat: ExportFormat<'ps1-firewall'> = {
  id: 'ps1-firewall',
  label: 'Windows Firewall rules (.ps1)',
  hint: 'PowerShell: inbound rules per host',
  noun: 'PowerShell script of firewall rules',
  words: {
    label: 'export:formats.ps1Firewall.label',
    hint: 'export:formats.ps1Firewall.hint',
    noun: 'export:formats.ps1Firewall.noun',
  },
  mime: 'text/plain;charset=utf-8',
  extension: 'firewall.ps1',
  binary: false,
  async build(input) {
    // The script builder loads when this format is exported, not with the page.
    const { firewallScript } = await import('./ps1-firewall-script');
    const text = firewallScript(input);
    input.onProgress?.(input.rows.length, input.rows.length);
    return text;
  },
};
