/**
 * Field checks for what people type in the inspector. Each returns why the value is refused, or
 * undefined when it is fine. Empty means "not set" for the optional fields.
 */

const SITE_CODE = /^[A-Za-z0-9]{3}$/;
const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export function checkHostName(value: string): string | undefined {
  if (value.trim() === '') return 'A host needs a name';
  return undefined;
}

/** Three letters or digits, as Configuration Manager requires of a site code. */
export function checkSiteCode(value: string): string | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  return SITE_CODE.test(text)
    ? undefined
    : `"${value}" is not a site code: use three letters or digits, e.g. P01`;
}

/** A DNS name: dot-separated labels of letters, digits and hyphens, at most 253 characters. */
export function checkFqdn(value: string): string | undefined {
  const text = value.trim().replace(/\.$/, '');
  if (text === '') return undefined;
  if (text.length > 253 || !text.split('.').every((label) => LABEL.test(label))) {
    return `"${value}" is not a host name such as mp01.corp.example`;
  }
  return undefined;
}
