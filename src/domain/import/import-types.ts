/**
 * Types of the estate import (issue 14): the tables a parser hands in, the records read from them
 * and the preview the user sees before anything changes.
 */
import type { RoleId } from '../catalogue-types';
import type { Host, Link, Position, SiteType, Zone } from '../document';
import type { Message } from '../message';

/** One data row of a file: its cells and the line it starts on (1-based, as an editor counts). */
export interface ImportRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/**
 * A file as the parser read it: header and rows, nothing interpreted yet. CSV and XLSX both
 * arrive in this shape, so the domain never sees bytes.
 */
export interface ImportTable {
  /** File name, for messages. */
  readonly file: string;
  /** Line of the header (2 when an `Export-Csv` `#TYPE` line came first). */
  readonly headerLine: number;
  readonly header: readonly string[];
  readonly rows: readonly ImportRow[];
}

/** What a file holds, told by its header. */
export type ImportKind = 'site-roles' | 'sites' | 'boundaries' | 'boundary-groups' | 'hosts';

/** A file that could not be read at all (another kind of file, a broken CSV): nothing of it is used. */
export interface ImportError {
  readonly file: string;
  readonly line: number;
  readonly column?: string;
  /** Why, as a message of the `import` namespace. */
  readonly message: Message;
}

/** Why a row (or a value in it) was left out. */
export type UnmappedReason =
  | 'unknown-role'
  | 'role-not-in-edition'
  | 'no-role'
  | 'missing-value'
  | 'unknown-site-type'
  | 'unknown-boundary-type'
  | 'unknown-site-system';

/** A row, or one value of it, the import could not map; the rest of the row may still be used. */
export interface UnmappedRow {
  readonly file: string;
  readonly line: number;
  readonly column?: string;
  readonly value?: string;
  readonly reason: UnmappedReason;
  /** Why, as a message of the `import` namespace (the UI and the CLI put it into words). */
  readonly message: Message;
}

/** A site system role row: a server, a ConfigMgr role name, the site. */
export interface SiteRoleRecord {
  readonly file: string;
  readonly line: number;
  readonly server: string;
  /** The roles its RoleName maps to; none for a generic entry (the server still counts). */
  readonly roles: readonly RoleId[];
  readonly site?: string;
}

/** A site as `Get-CMSite` describes it. */
export interface SiteRecord {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly type: SiteType;
  readonly parent?: string;
  readonly server?: string;
  readonly name?: string;
}

export type BoundaryType = 'ip-subnet' | 'ad-site' | 'ipv6-prefix' | 'ip-range';

export interface Boundary {
  readonly type: BoundaryType;
  readonly value: string;
}

/** A boundary group: its boundaries and the site systems it lists. */
export interface BoundaryGroupRecord {
  readonly file: string;
  readonly line: number;
  readonly name: string;
  readonly site?: string;
  readonly boundaries: readonly Boundary[];
  /** Server names or FQDNs (NAL paths already reduced to the server). */
  readonly siteSystems: readonly string[];
}

/** A row of a plain host list. */
export interface HostRecord {
  readonly file: string;
  readonly line: number;
  readonly name?: string;
  readonly fqdn?: string;
  readonly ip?: string;
  readonly site?: string;
  readonly roles: readonly RoleId[];
  readonly zone?: string;
  readonly notes?: string;
}

/** Everything read from the files of one estate, before merging. */
export interface ImportRecords {
  readonly siteRoles: readonly SiteRoleRecord[];
  readonly sites: readonly SiteRecord[];
  readonly groups: readonly BoundaryGroupRecord[];
  readonly hosts: readonly HostRecord[];
  /** Boundaries listed without a group: they type the values a group file lists. */
  readonly boundaries: readonly (Boundary & { readonly file: string; readonly line: number })[];
  readonly unmapped: readonly UnmappedRow[];
}

/** Which hierarchy rule a link was inferred from. */
export type InferredBy =
  | 'boundary-group'
  | 'client-update-point'
  | 'site-server-link-missing'
  | 'database-link-missing'
  | 'missing-site-database'
  | 'client-management-point-missing'
  | 'client-distribution-point-missing'
  | 'site-to-site-link-missing'
  | 'database-replication-link-missing'
  | 'other-check';

/** A link the import will make: always marked inferred until the user keeps it. */
export interface ImportedLink extends Link {
  readonly inferred: true;
  readonly by: InferredBy;
}

/**
 * What an import would make, shown before anything changes. Host and zone ids are the import's
 * own; `applyImport` renumbers them into the document.
 */
export interface ImportPreview {
  readonly files: readonly { readonly file: string; readonly kind: ImportKind; readonly rows: number }[];
  readonly hosts: readonly Host[];
  readonly links: readonly ImportedLink[];
  readonly zones: readonly Zone[];
  /** A first placement: sites side by side (a layout pass may replace it). */
  readonly layout: Readonly<Record<string, Position>>;
  readonly unmapped: readonly UnmappedRow[];
  /** Files that could not be read at all; nothing of them is in the preview. */
  readonly errors: readonly ImportError[];
}
