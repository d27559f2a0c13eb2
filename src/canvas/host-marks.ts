import type { Catalogue } from '@/domain/catalogue-types';
import type { Host } from '@/domain/document';

/** A small mark on a host for a role option that changes what it does (PXE, pull, site type). */
export interface HostMark {
  readonly id: string;
  /** Short text on the host: `PXE`, `Multicast`, `Pull`, `CAS`, `Primary`. */
  readonly text: string;
  /** The option's full name from the catalogue (and its value), shown on hover. */
  readonly title: string;
}

/**
 * The marks a host shows, read from the catalogue's role options (no option is named here): every
 * switched-on yes/no option and every chosen value of an option that belongs to one of the host's
 * roles, where the catalogue gives it a badge. Options for all site systems (note 5) are left to the inspector: they say how a
 * connection starts, not what the host is.
 *
 * @param host - the host
 * @param catalogue - the catalogue whose role options apply
 * @returns the marks in catalogue order
 * @example
 * hostMarks({ ...dp, options: { pxe: true } }, catalogue); // [{ id: 'pxe', text: 'PXE', title: 'PXE enabled' }]
 */
export function hostMarks(host: Host, catalogue: Catalogue): HostMark[] {
  const marks: HostMark[] = [];
  const options = host.options as Readonly<Record<string, unknown>>;
  for (const option of catalogue.roleOptions) {
    if (option.appliesTo === 'site-systems' || !option.appliesTo.some((r) => host.roles.includes(r)))
      continue;
    const value = options[option.id];
    if (option.values) {
      const chosen = option.values.find((v) => v.id === value);
      if (chosen?.badge)
        marks.push({ id: option.id, text: chosen.badge, title: `${option.label}: ${chosen.label}` });
    } else if (value === true && option.badge)
      marks.push({ id: option.id, text: option.badge, title: option.label });
  }
  return marks;
}
