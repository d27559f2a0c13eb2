/** What kind of file a header belongs to, and which column holds which field (aliases in data/import). */
import headerTable from '@data/import/headers.json';
import { message } from '../message';
import type { ImportError, ImportKind, ImportTable } from './import-types';

export type Field = keyof typeof headerTable.fields;

/**
 * A header cell as the alias table compares it: lower case, umlauts spelled out, no spaces,
 * dashes, dots, underscores, brackets or quotes, so `IP-Adresse`, `IP Address` and `ipaddress` meet.
 *
 * @param cell - a header cell as written
 * @returns its comparable form
 * @example
 * headerKey('Übergeordneter Standort'); // 'uebergeordneterstandort'
 */
export function headerKey(cell: string): string {
  return cell
    .normalize('NFC')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[\s\-_.()"'\ufeff]+/g, '');
}

/** The fields each kind reads; `all` must all be there, and at least one of `any` (when given). */
interface KindSpec {
  readonly kind: ImportKind;
  readonly all: readonly Field[];
  readonly any?: readonly Field[];
  readonly optional: readonly Field[];
}

/**
 * Tried in this order: the first kind whose columns a header has wins. The refusal of a header
 * that is none of them (`import:error.header`) names their columns in this order.
 */
const KINDS: readonly KindSpec[] = [
  {
    kind: 'site-roles',
    all: ['networkOSPath', 'roleName'],
    optional: ['siteCode'],
  },
  {
    kind: 'sites',
    all: ['siteCode', 'siteType'],
    optional: ['parentSite', 'serverName', 'siteName'],
  },
  {
    kind: 'boundaries',
    all: ['boundaryType', 'boundaryValue'],
    optional: ['boundaryGroup', 'displayName', 'siteSystems', 'defaultSiteCode'],
  },
  {
    kind: 'boundary-groups',
    all: ['groupName'],
    any: ['boundaries', 'siteSystems'],
    optional: ['defaultSiteCode', 'displayName'],
  },
  {
    kind: 'hosts',
    all: [],
    any: ['hostName', 'fqdn'],
    optional: ['ip', 'site', 'siteCode', 'roles', 'zone', 'notes'],
  },
];

const ALIASES: ReadonlyMap<Field, ReadonlySet<string>> = new Map(
  (Object.entries(headerTable.fields) as [Field, string[]][]).map(([field, names]) => [
    field,
    new Set(names.map(headerKey)),
  ]),
);

/** Column index of a field in a header, or undefined. */
function columnOf(keys: readonly string[], field: Field): number | undefined {
  const aliases = ALIASES.get(field);
  const index = keys.findIndex((k) => aliases?.has(k));
  return index < 0 ? undefined : index;
}

/** A file's kind and where each field it reads sits. */
export interface FileShape {
  readonly kind: ImportKind;
  readonly columns: Readonly<Partial<Record<Field, number>>>;
}

function shapeFor(spec: KindSpec, keys: readonly string[]): FileShape | undefined {
  const columns: Partial<Record<Field, number>> = {};
  for (const field of [...spec.all, ...(spec.any ?? []), ...spec.optional]) {
    const index = columnOf(keys, field);
    if (index !== undefined) columns[field] = index;
  }
  if (!spec.all.every((f) => columns[f] !== undefined)) return undefined;
  if (spec.any && !spec.any.some((f) => columns[f] !== undefined)) return undefined;
  // A host list needs something beyond a name, else any one-column list would pass as one.
  if (spec.kind === 'hosts' && Object.keys(columns).length < 2) return undefined;
  return { kind: spec.kind, columns };
}

/**
 * Tells a file's kind from its header, in the order site roles, sites, boundaries, boundary
 * groups, host list.
 *
 * @param table - the parsed file
 * @returns the kind and its columns, or an error naming the header line and what was expected
 * @example
 * detectKind({ file: 'roles.csv', headerLine: 2, header: ['NetworkOSPath', 'RoleName', 'SiteCode'], rows: [] });
 * // { kind: 'site-roles', columns: { networkOSPath: 0, roleName: 1, siteCode: 2 } }
 */
export function detectKind(table: ImportTable): FileShape | ImportError {
  const keys = table.header.map(headerKey);
  for (const spec of KINDS) {
    const shape = shapeFor(spec, keys);
    if (shape) return shape;
  }
  const shown = table.header.filter((h) => h.trim() !== '').slice(0, 8);
  return {
    file: table.file,
    line: table.headerLine,
    // The kinds and their columns are named in the catalogue's sentence, in the order of KINDS.
    message:
      shown.length > 0
        ? message('import:error.header', { header: shown.join(', ') })
        : message('import:error.headerEmpty'),
  };
}

/**
 * The trimmed cell of a field in a row, or undefined when the column is missing or the cell blank.
 *
 * @param cells - one row of the file
 * @param shape - the file's kind and where its columns are
 * @param field - the field wanted
 * @example
 * cell(['P01-MP01', 'SMS Management Point'], shape, 'roleName'); // 'SMS Management Point'
 */
export function cell(cells: readonly string[], shape: FileShape, field: Field): string | undefined {
  const index = shape.columns[field];
  if (index === undefined) return undefined;
  const value = cells[index]?.trim();
  return value ? value : undefined;
}

/**
 * The header text of a field's column as the file writes it, for messages.
 *
 * @param table - the file's rows and header
 * @param shape - the file's kind and where its columns are
 * @param field - the field
 * @example
 * columnName(table, shape, 'siteCode'); // 'SiteCode'
 */
export function columnName(table: ImportTable, shape: FileShape, field: Field): string {
  const index = shape.columns[field];
  return index === undefined ? field : (table.header[index] ?? field);
}
