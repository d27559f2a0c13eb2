/**
 * The compare slice (issue 17, "what changed since the last request"): the earlier request the
 * current diagram is compared with, whether its dialog is open and whether the canvas colours
 * links by it. UI state: never saved, exported or undone; the delta itself is derived from it
 * and today's rows (compare-delta.ts), so it follows the user's edits while the view is on.
 */
import type { DeltaRow } from '@/domain/delta/delta-types';
import type { SliceCreator } from './store-types';
import type { Text } from './ui-types';

/** The earlier request, as read from its file. */
export interface EarlierRequest {
  /** The file's name as the user's system gave it (the banner and the dialog name it). */
  readonly fileName: string;
  /** Its matrix rows: a saved diagram's, derived with its own edition, or a workbook's read back. */
  readonly rows: readonly DeltaRow[];
  /** Rows of the file that could not be read and were left out, each with why. */
  readonly skipped: readonly Text[];
}

export interface CompareSlice {
  /** The earlier request compared with; null when no comparison is open. */
  readonly comparison: EarlierRequest | null;
  /** The dialog with the counts and the downloads is open. */
  readonly compareDialogOpen: boolean;
  /** The canvas colours links by the delta (the banner shows). */
  readonly compareView: boolean;
  /** Compares with an earlier request and opens the dialog (a view on the canvas stays on). */
  startComparison(earlier: EarlierRequest): void;
  /** Colours the canvas by the comparison and closes the dialog. */
  showComparison(): void;
  /** Opens the dialog again (the banner's Details). */
  openCompareDialog(): void;
  /** Closes the dialog; the view on the canvas, if on, stays. */
  closeCompareDialog(): void;
  /** Ends the comparison: the dialog closes, links take their usual colours. */
  leaveComparison(): void;
}

export const createCompareSlice: SliceCreator<CompareSlice> = (set, get) => ({
  comparison: null,
  compareDialogOpen: false,
  compareView: false,

  startComparison(earlier) {
    set({ comparison: earlier, compareDialogOpen: true });
  },
  showComparison() {
    if (get().comparison) set({ compareView: true, compareDialogOpen: false });
  },
  openCompareDialog() {
    if (get().comparison) set({ compareDialogOpen: true });
  },
  closeCompareDialog() {
    // Closing the dialog without a view on the canvas ends the comparison: nothing shows it any more.
    set(get().compareView ? { compareDialogOpen: false } : { compareDialogOpen: false, comparison: null });
  },
  leaveComparison() {
    if (get().comparison || get().compareView)
      set({ comparison: null, compareDialogOpen: false, compareView: false });
  },
});
