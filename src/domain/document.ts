import type { EditionId, PortRange, RoleId } from './catalogue-types';

/** The `format` marker of every topology document file. */
export const DOCUMENT_FORMAT = 'cm-port-planner';
/** The document version this build writes; older versions are migrated on read. */
export const DOCUMENT_VERSION = 3;

/**
 * What the ids of the links the app makes start with (`l1`, `l2`, …): edits, imports and restore's
 * renames number links so, and the checks find such an id by its number.
 */
export const LINK_ID_PREFIX = 'l';

export type SiteType = 'cas' | 'primary' | 'secondary';

/** Per-host options of its roles. Only the options of roles the host holds take effect. */
export interface HostOptions {
  /** Distribution point answers PXE boot requests. */
  readonly pxe?: boolean;
  /** Distribution point serves multicast. */
  readonly multicast?: boolean;
  /** Site type of a site server. */
  readonly siteType?: SiteType;
  /** Site code of the parent site (a primary below a CAS, a secondary below a primary). */
  readonly parentSite?: string;
  /** Note 5: connections to this site system must be initiated by the site server. */
  readonly siteServerInitiates?: boolean;
  /** WSUS ports of a software update point or upstream WSUS server, overriding site settings. */
  readonly wsusHttp?: number;
  readonly wsusHttps?: number;
  /** A distribution point that pulls its content from the distribution points it links to (edition `current`). */
  readonly pull?: boolean;
  /** The cloud management gateway runs as a classic cloud service, not a virtual machine scale set. */
  readonly cmgClassic?: boolean;
  /**
   * Static port of this host's SQL Server instance (a named instance): replaces the site's SQL port
   * for every flow to the host, and the SQL Server Browser row follows it.
   */
  readonly sqlPort?: number;
}

export interface Host {
  readonly id: string;
  readonly name: string;
  readonly fqdn?: string;
  /** IPv4 or IPv6 address, optionally with a prefix length (a subnet for client groups). */
  readonly ip?: string;
  /** Three-character site code, e.g. `P01`. */
  readonly site?: string;
  /** Id of the network zone the host sits in. */
  readonly zone?: string;
  /** Role ids; unknown ids (from a newer catalogue) are kept but yield no flows. */
  readonly roles: readonly RoleId[];
  readonly options: HostOptions;
  /** Free text for the planner (not exported as a rule). */
  readonly notes?: string;
}

export interface Link {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly label?: string;
  /**
   * Drawn by an import from the hierarchy rules, not by the user: shown as such until the user
   * keeps it (which removes the mark). Only `true` is ever stored.
   */
  readonly inferred?: true;
}

/** Kinds of network zone, as data/zones.json lists them (each with a default colour). */
export type ZoneKind = 'datacenter' | 'dmz' | 'branch' | 'clients' | 'internet' | 'cloud';

/** A box on the canvas, in absolute canvas coordinates (top-left corner and size). */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * A network zone (firewall segment); zones may nest. A flow between two hosts of the same zone
 * crosses no firewall. The box is where the zone is drawn; a zone without one is drawn around its
 * hosts until the user moves or resizes it.
 */
export interface Zone {
  readonly id: string;
  readonly name: string;
  readonly parent?: string;
  readonly kind?: ZoneKind;
  /** Address ranges of the zone (IPv4 or IPv6 with a prefix length), e.g. `10.1.0.0/16`. */
  readonly cidrs?: readonly string[];
  /** A colour id of data/zones.json `colours`; without one, the kind's colour. */
  readonly colour?: string;
  readonly box?: Box;
}

export interface Settings {
  /** The edition of the port document the flows are derived with; files without one are `2018-de`. */
  readonly edition: EditionId;
  /** Configured ports by key of data/catalogue/settings.json `ports`. */
  readonly ports: Readonly<Record<string, number>>;
  /** Configured ranges by key of `ranges` (rpcDynamic, multicast). */
  readonly ranges: Readonly<Record<string, PortRange>>;
  /** Flags by key of `flags` (includeSiteInstallation). */
  readonly flags: Readonly<Record<string, boolean>>;
  /** Ids of supplementary port lists to include. */
  readonly supplementary: readonly string[];
}

export interface Position {
  readonly x: number;
  readonly y: number;
}

/**
 * What a connectivity test said about flows, by flow key (`flowKey` in firewall/flow-key.ts):
 * `verified` (the connection opened) or `blocked`. Keyed by flow, not by link, so a flow keeps its
 * result while other flows of its link change; the result of a flow that no longer exists is kept
 * (it comes back with the flow) but not shown.
 */
export type FlowResults = Readonly<Record<string, 'verified' | 'blocked'>>;

/**
 * The one document shape for save, open, autosave, templates and the CLI. Positions live apart
 * in `layout` so moving a host never touches what flows are derived from.
 */
export interface TopologyDocument {
  readonly format: typeof DOCUMENT_FORMAT;
  readonly version: typeof DOCUMENT_VERSION;
  readonly name: string;
  readonly description?: string;
  readonly hosts: readonly Host[];
  readonly links: readonly Link[];
  readonly zones: readonly Zone[];
  readonly settings: Settings;
  /** Canvas position by host id. */
  readonly layout: Readonly<Record<string, Position>>;
  /** Imported connectivity test results; absent until a result file is imported. */
  readonly results?: FlowResults;
}

/** A document without its envelope (format, version): what edits change and the undo history records. */
export type DocumentContent = Omit<TopologyDocument, 'format' | 'version'>;

/** Longest text kept in a name, label or note; longer text is cut and reported on restore. */
export const TEXT_LIMIT = 10_000;
/** Largest coordinate kept; larger ones are clamped on restore. */
export const COORDINATE_LIMIT = 1_000_000;
