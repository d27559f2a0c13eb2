/**
 * Types of the port catalogue (data/catalogue). The catalogue is the single source of truth for
 * roles, services, notes, configurable settings and the rules transcribed from the port document.
 */

/** A role id from data/catalogue/roles.json, e.g. `management-point`. */
export type RoleId = string;
/** A service class id from data/catalogue/services.json; it decides a flow's colour. */
export type ServiceId = string;
export type Protocol = 'TCP' | 'UDP';

/**
 * A rule's port as the document writes it: one number, a fixed range (`"63000-64000"`), or
 * `"dynamic"` for RPC's dynamic ports, which the engine resolves to the configured range (note 6).
 */
export type RulePort = number | string;

/** Why a rule only applies sometimes. Conditions are evaluated on the host that holds the rule's `to` role. */
export type RuleCondition =
  /** The distribution point has PXE enabled. */
  | 'dp-pxe'
  /** The distribution point has multicast enabled. */
  | 'dp-multicast'
  /** WSUS on this host uses 80/443 (note 3). */
  | 'wsus-standard'
  /** WSUS on this host uses custom ports such as 8530/8531 (note 3). */
  | 'wsus-alternate'
  /** Only while a site with a remote SQL Server is being installed. */
  | 'site-install-remote-sql'
  /**
   * The host that holds the rule's `from` role (a distribution point) is a pull distribution point
   * (`pull: true`). The one condition read on the initiating host: any DP can be a pull DP's source.
   */
  | 'pull-dp'
  /** The cloud management gateway runs as a virtual machine scale set (`cmgClassic` not set). */
  | 'cmg-scale-set'
  /** The cloud management gateway runs as a classic cloud service (`cmgClassic: true`). */
  | 'cmg-classic'
  /** The SQL Server host states its own instance port (`sqlPort`): a named instance, so the Browser answers. */
  | 'sql-named-instance';

export interface Rule {
  /** Stable id: section anchor, protocol and port, e.g. `BKMK_PortsClient-MP/TCP/10123`. */
  readonly id: string;
  /** The document's section anchor, the citation key for a network engineer. */
  readonly section: string;
  /** Role that opens the connection, or `any` (supplementary Windows Server list). */
  readonly from: RoleId;
  /** Role that answers. */
  readonly to: RoleId;
  /** `A < -- > B`: either side may open the connection. */
  readonly bidirectional: boolean;
  readonly protocol: Protocol;
  readonly port: RulePort;
  /** What the port is for, in our words. */
  readonly description: string;
  readonly service: ServiceId;
  /** Numbers of the document notes (1–6) that apply. */
  readonly notes: readonly number[];
  /** Key of the site setting that replaces the default port or range, when configurable. */
  readonly setting?: string;
  readonly condition?: RuleCondition;
  /** Set on supplementary rules: the id of the list the setting `supplementary` switches on. */
  readonly list?: string;
}

export interface Section {
  readonly anchor: string;
  readonly from: RoleId;
  readonly to: RoleId;
  readonly bidirectional: boolean;
  /** The heading as the German document of 2018 writes it; sections it lacks have none. */
  readonly headingDe?: string;
  /** The heading as the English page writes it (edition `current`). */
  readonly heading?: string;
}

/** Why and when Microsoft dropped a role or section from the port document. */
export interface Retirement {
  /** The Configuration Manager version that removed it, e.g. `1910`, or the date support ended. */
  readonly release: string;
  readonly reason: string;
}

/** A section of the base edition that an edition no longer has. */
export interface RetiredSection extends Retirement {
  readonly anchor: string;
  readonly from: RoleId;
  readonly to: RoleId;
}

export type RoleKind = 'site-system' | 'client' | 'external';

export interface Role {
  readonly id: RoleId;
  readonly name: string;
  /** Names the German document uses (it uses two words for some roles); empty for roles it lacks. */
  readonly namesDe: readonly string[];
  /** Names the English page uses in its headings, where the edition carries them. */
  readonly namesEn?: readonly string[];
  /** Set when the edition no longer knows the role: hosts keep it, but it has no rules. */
  readonly retired?: Retirement;
  readonly kind: RoleKind;
  readonly group: string;
  /** Short badge text for the canvas. */
  readonly abbr: string;
  readonly color: string;
  readonly description: string;
}

export interface RoleGroup {
  readonly id: string;
  readonly name: string;
}

export interface Service {
  readonly id: ServiceId;
  readonly name: string;
  readonly color: string;
  readonly description: string;
}

export interface Note {
  readonly number: number;
  readonly title: string;
  readonly text: string;
}

export interface PortSettingDef {
  readonly key: string;
  readonly label: string;
  readonly default: number;
  readonly description: string;
  /**
   * Host option that replaces this setting for flows to the host that sets it, e.g. `sqlPort` of a
   * SQL Server named instance on its own static port.
   */
  readonly hostOption?: string;
}

export interface PortRange {
  readonly from: number;
  readonly to: number;
}

export interface RangeSettingDef {
  readonly key: string;
  readonly label: string;
  readonly default: PortRange;
  readonly presets: readonly (PortRange & { readonly label: string })[];
  readonly description: string;
}

export interface FlagSettingDef {
  readonly key: string;
  readonly label: string;
  readonly default: boolean;
  readonly description: string;
}

export interface SupplementaryList {
  readonly id: string;
  readonly section: string;
  readonly name: string;
  readonly description: string;
}

export interface RoleOptionDef {
  readonly id: string;
  readonly label: string;
  /** Role ids the option belongs to, or `site-systems` for every site system role but the site server. */
  readonly appliesTo: readonly RoleId[] | 'site-systems';
  /** Short text shown on a host that has the option switched on; options without one show no mark. */
  readonly badge?: string;
  /** Choices of a multi-valued option, each with its own short mark. */
  readonly values?: readonly { readonly id: string; readonly label: string; readonly badge?: string }[];
}

export type EditionId = '2018-de' | 'current';

/** Where an edition's rules were transcribed from. */
export type EditionSource =
  | { readonly kind: 'seed'; readonly file: string }
  | { readonly kind: 'repository'; readonly repo: string; readonly path: string; readonly commit: string };

/** An edition of the port document: what the catalogue was transcribed from and where it is published. */
export interface EditionInfo {
  readonly id: EditionId;
  readonly language: 'de' | 'en';
  readonly title: string;
  /** The date the source states (ms.date). */
  readonly date: string;
  /** Address of the published page; section links append `#anchor`. */
  readonly url: string;
  readonly source: EditionSource;
  /** Rows of the published page that came after the transcribed commit, in our words. */
  readonly additions: readonly string[];
}

export interface DocumentSource {
  readonly title: string;
  readonly edition: string;
  readonly date: string;
  readonly url: string;
}

/** The whole catalogue, validated, with lookups built once. */
export interface Catalogue {
  readonly source: DocumentSource;
  /** The edition this catalogue holds. */
  readonly edition: EditionInfo;
  /** Sections of the base edition that this edition dropped (empty for `2018-de`). */
  readonly retiredSections: readonly RetiredSection[];
  readonly roles: readonly Role[];
  readonly roleGroups: readonly RoleGroup[];
  readonly roleOptions: readonly RoleOptionDef[];
  readonly services: readonly Service[];
  readonly notes: readonly Note[];
  readonly sections: readonly Section[];
  /** The rules of the document's connection sections (143 in 62 sections for `2018-de`). */
  readonly rules: readonly Rule[];
  /** Rules of the document's additional port lists, used when a setting switches their list on. */
  readonly supplementaryRules: readonly Rule[];
  readonly supplementaryLists: readonly SupplementaryList[];
  readonly portSettings: readonly PortSettingDef[];
  readonly rangeSettings: readonly RangeSettingDef[];
  readonly flagSettings: readonly FlagSettingDef[];
  readonly roleById: ReadonlyMap<RoleId, Role>;
  readonly serviceById: ReadonlyMap<ServiceId, Service>;
  readonly noteByNumber: ReadonlyMap<number, Note>;
  readonly sectionByAnchor: ReadonlyMap<string, Section>;
}

/** The role id a supplementary rule uses for "any host". */
export const ANY_ROLE = 'any';
