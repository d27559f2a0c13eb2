/** Reads the rows of each kind of file into records; what cannot be read is reported with its line. */
import type { Catalogue, RoleId } from '../catalogue-types';
import { checkIp } from '../ip';
import { type Message, message } from '../message';
import { cell, columnName, detectKind, type Field, type FileShape } from './headers';
import type {
  Boundary,
  BoundaryGroupRecord,
  HostRecord,
  ImportError,
  ImportKind,
  ImportRecords,
  ImportTable,
  SiteRecord,
  SiteRoleRecord,
  UnmappedReason,
  UnmappedRow,
} from './import-types';
import { type RoleLookup, type RoleNames, roleNames } from './role-names';
import { boundaryTypeOf, guessBoundary, listOf, serverOf, siteCodeOf, siteTypeOf } from './values';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

/** The records and reports of a whole import, filled file by file. */
interface Sink {
  readonly records: Mutable<ImportRecords>;
  readonly files: { file: string; kind: ImportKind; rows: number }[];
  readonly errors: ImportError[];
}

/** The values a row cannot do without, as `import:what.<name>` names them. */
type Needed =
  | 'server'
  | 'roleName'
  | 'siteCode'
  | 'siteType'
  | 'boundaryValue'
  | 'boundaryType'
  | 'groupName';

/** One file being read: reports name its file, line and the column as the file spells it. */
class Reader {
  constructor(
    readonly table: ImportTable,
    readonly shape: FileShape,
    readonly sink: Sink,
    readonly names: RoleNames,
    readonly catalogue: Catalogue,
  ) {}

  report(line: number, field: Field | undefined, reason: UnmappedReason, why: Message, value?: string) {
    this.sink.records.unmapped.push({
      file: this.table.file,
      line,
      ...(field ? { column: columnName(this.table, this.shape, field) } : {}),
      ...(value !== undefined ? { value } : {}),
      reason,
      message: why,
    } satisfies UnmappedRow);
  }

  /** A value a row cannot do without; reported when blank (`what` names it: `import:what.<what>`). */
  need(cells: readonly string[], line: number, field: Field, what: Needed): string | undefined {
    const value = cell(cells, this.shape, field);
    if (value === undefined) {
      const named = { what: { message: message(`import:what.${what}`) } };
      this.report(line, field, 'missing-value', message('import:unmapped.missing', named));
    }
    return value;
  }

  /** Roles a name resolves to in this catalogue; unknown names and roles of other editions reported. */
  roles(lookup: RoleLookup, name: string, line: number, field: Field): RoleId[] | undefined {
    if (!lookup.known) {
      this.report(line, field, 'unknown-role', message('import:unmapped.unknownRole', { name }), name);
      return undefined;
    }
    const missing = lookup.roles.filter((r) => !this.catalogue.roleById.has(r));
    for (const role of missing) {
      this.report(
        line,
        field,
        'role-not-in-edition',
        message('import:unmapped.roleNotInEdition', { name, role, edition: this.catalogue.edition.id }),
        name,
      );
    }
    return lookup.roles.filter((r) => this.catalogue.roleById.has(r));
  }
}

function readSiteRoles(r: Reader): void {
  for (const { line, cells } of r.table.rows) {
    const path = r.need(cells, line, 'networkOSPath', 'server');
    const roleName = r.need(cells, line, 'roleName', 'roleName');
    if (path === undefined || roleName === undefined) continue;
    const server = serverOf(path);
    if (!server) {
      r.report(line, 'networkOSPath', 'missing-value', message('import:unmapped.noServer', { path }), path);
      continue;
    }
    const roles = r.roles(r.names.configMgr(roleName), roleName, line, 'roleName');
    const site = siteCodeOf(cell(cells, r.shape, 'siteCode'));
    const record: SiteRoleRecord = {
      file: r.table.file,
      line,
      server,
      roles: roles ?? [],
      ...(site ? { site } : {}),
    };
    r.sink.records.siteRoles.push(record);
  }
}

function readSites(r: Reader): void {
  for (const { line, cells } of r.table.rows) {
    const code = siteCodeOf(r.need(cells, line, 'siteCode', 'siteCode'));
    const typeText = r.need(cells, line, 'siteType', 'siteType');
    if (code === undefined || typeText === undefined) continue;
    const type = siteTypeOf(typeText);
    if (!type) {
      r.report(
        line,
        'siteType',
        'unknown-site-type',
        message('import:unmapped.siteType', { value: typeText }),
        typeText,
      );
      continue;
    }
    const parent = siteCodeOf(cell(cells, r.shape, 'parentSite'));
    const serverText = cell(cells, r.shape, 'serverName');
    const server = serverText === undefined ? undefined : serverOf(serverText);
    const name = cell(cells, r.shape, 'siteName');
    const record: SiteRecord = {
      file: r.table.file,
      line,
      code,
      type,
      ...(parent && parent !== code ? { parent } : {}),
      ...(server ? { server } : {}),
      ...(name ? { name } : {}),
    };
    r.sink.records.sites.push(record);
  }
}

function boundaryOf(r: Reader, cells: readonly string[], line: number): Boundary | undefined {
  const value = r.need(cells, line, 'boundaryValue', 'boundaryValue');
  const typeText = r.need(cells, line, 'boundaryType', 'boundaryType');
  if (value === undefined || typeText === undefined) return undefined;
  const type = boundaryTypeOf(typeText);
  if (type) return { type, value };
  r.report(
    line,
    'boundaryType',
    'unknown-boundary-type',
    message('import:unmapped.boundaryType', { value: typeText }),
    typeText,
  );
  return undefined;
}

function readBoundaries(r: Reader): void {
  for (const { line, cells } of r.table.rows) {
    const boundary = boundaryOf(r, cells, line);
    if (!boundary) continue;
    const group = cell(cells, r.shape, 'boundaryGroup');
    if (group === undefined) {
      r.sink.records.boundaries.push({ ...boundary, file: r.table.file, line });
      continue;
    }
    const site = siteCodeOf(cell(cells, r.shape, 'defaultSiteCode'));
    const systems = listOf(cell(cells, r.shape, 'siteSystems')).flatMap((s) => serverOf(s) ?? []);
    r.sink.records.groups.push({
      file: r.table.file,
      line,
      name: group,
      ...(site ? { site } : {}),
      boundaries: [boundary],
      siteSystems: systems,
    } satisfies BoundaryGroupRecord);
  }
}

function readGroups(r: Reader): void {
  for (const { line, cells } of r.table.rows) {
    const name = r.need(cells, line, 'groupName', 'groupName');
    if (name === undefined) continue;
    const site = siteCodeOf(cell(cells, r.shape, 'defaultSiteCode'));
    r.sink.records.groups.push({
      file: r.table.file,
      line,
      name,
      ...(site ? { site } : {}),
      boundaries: listOf(cell(cells, r.shape, 'boundaries')).map(guessBoundary),
      siteSystems: listOf(cell(cells, r.shape, 'siteSystems')).flatMap((s) => serverOf(s) ?? []),
    });
  }
}

function readHosts(r: Reader): void {
  for (const { line, cells } of r.table.rows) {
    const name = cell(cells, r.shape, 'hostName');
    const fqdnText = cell(cells, r.shape, 'fqdn');
    const fqdn = fqdnText === undefined ? undefined : serverOf(fqdnText);
    if (name === undefined && fqdn === undefined) {
      if (cells.some((c) => c.trim() !== ''))
        r.report(line, 'hostName', 'missing-value', message('import:unmapped.noHostName'));
      continue;
    }
    const roles: RoleId[] = [];
    for (const token of listOf(cell(cells, r.shape, 'roles'))) {
      for (const role of r.roles(r.names.any(token), token, line, 'roles') ?? []) {
        if (!roles.includes(role)) roles.push(role);
      }
    }
    let ip = cell(cells, r.shape, 'ip');
    const ipProblem = ip === undefined ? undefined : checkIp(ip);
    if (ipProblem) {
      r.report(
        line,
        'ip',
        'missing-value',
        message('import:unmapped.address', { problem: { message: ipProblem } }),
        ip,
      );
      ip = undefined;
    }
    const site = siteCodeOf(cell(cells, r.shape, 'site') ?? cell(cells, r.shape, 'siteCode'));
    const zone = cell(cells, r.shape, 'zone');
    const notes = cell(cells, r.shape, 'notes');
    const record: HostRecord = {
      file: r.table.file,
      line,
      ...(name ? { name } : {}),
      ...(fqdn ? { fqdn } : {}),
      ...(ip ? { ip } : {}),
      ...(site ? { site } : {}),
      roles,
      ...(zone ? { zone } : {}),
      ...(notes ? { notes } : {}),
    };
    r.sink.records.hosts.push(record);
  }
}

const READERS: Readonly<Record<ImportKind, (r: Reader) => void>> = {
  'site-roles': readSiteRoles,
  sites: readSites,
  boundaries: readBoundaries,
  'boundary-groups': readGroups,
  hosts: readHosts,
};

/**
 * Reads the tables of one estate into records. A table whose header is none of the kinds is
 * reported as an error and read no further; rows and values that cannot be mapped are reported
 * with their line, and the rest is kept. Nothing throws.
 *
 * @param tables - the parsed files
 * @param catalogue - the edition the import builds for (its roles decide what maps)
 * @returns the records, each file's kind and row count, and the files that could not be read
 * @example
 * const { records } = readRecords([rolesTable, sitesTable], loadEdition('current'));
 * records.siteRoles[0]?.roles; // ['site-server']
 */
export function readRecords(
  tables: readonly ImportTable[],
  catalogue: Catalogue,
): { records: ImportRecords; files: Sink['files']; errors: ImportError[] } {
  const sink: Sink = {
    records: { siteRoles: [], sites: [], groups: [], hosts: [], boundaries: [], unmapped: [] },
    files: [],
    errors: [],
  };
  const names = roleNames(catalogue);
  for (const table of tables) {
    const shape = detectKind(table);
    if ('message' in shape) {
      sink.errors.push(shape);
      continue;
    }
    sink.files.push({ file: table.file, kind: shape.kind, rows: table.rows.length });
    READERS[shape.kind](new Reader(table, shape, sink, names, catalogue));
  }
  return sink;
}
