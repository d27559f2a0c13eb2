import type { Catalogue } from '../catalogue-types';

/**
 * The words a matrix row is written in, given to the domain by the edge (src/i18n/row-words.ts
 * builds them from the message catalogues): the domain keeps the rows' values and their order,
 * the reader's language decides every word. Role, service and note names and rule descriptions
 * come from {@link RowWords.catalogue}, the catalogue in that language.
 */
export interface RowWords {
  /** The reader's language (`en`, `de`): a row source made for one language is not reused for another. */
  readonly language: string;
  /**
   * The catalogue as the reader's language writes it (names, descriptions, note titles; the same
   * ids and ports as the engine's). Never given to the engine.
   */
  readonly catalogue: Catalogue;
  /** A true cell (configurable, crosses a zone boundary). */
  readonly yes: string;
  /** A false cell. */
  readonly no: string;
  /** What a test said of a flow (`FlowRow.verified`), and what a flow without a test says. */
  readonly checks: Readonly<Record<'verified' | 'blocked' | 'untested', string>>;
  /** The direction of a flow only its initiator opens. */
  readonly oneWay: string;
  /** The direction of a flow both hosts may open. */
  readonly bothWays: string;
  /**
   * The justification between the source's name and the target's name, cut from the language's
   * one sentence (`{{source}} ({{sourceRoles}}) opens {{protocol}} {{port}} on {{target}} …`), so
   * rows share the few distinct middles and tails.
   */
  middle(values: { readonly sourceRoles: string; readonly protocol: string; readonly port: string }): string;
  /** The justification after the target's name. */
  tail(values: {
    readonly targetRoles: string;
    readonly descriptions: string;
    readonly service: string;
    readonly sections: string;
  }): string;
  /** The notes cell's warning on a flow that opens the RPC dynamic range. */
  highRisk(port: string): string;
  /** A note of the port document in the notes cell: its number and title (the title may be unknown). */
  note(number: number, title: string | undefined): string;
}

/** The two words of a boolean cell. */
export type YesNo = Pick<RowWords, 'yes' | 'no'>;

/** The words a cell may need beyond the row's own texts: yes and no, and a flow's test result. */
export type CellWords = Pick<RowWords, 'yes' | 'no' | 'checks'>;
