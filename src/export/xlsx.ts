import type { Catalogue } from '@/domain/catalogue-types';
import type { TopologyDocument } from '@/domain/document';
import type { FlowRow } from '@/domain/rows';

export interface WorkbookInput {
  readonly rows: readonly FlowRow[];
  readonly document: TopologyDocument;
  readonly catalogue: Catalogue;
}

/** Placeholder until the export issue (4) lands: the CLI refuses xlsx with a clear message. */
export async function writeWorkbook(_input: WorkbookInput): Promise<Uint8Array> {
  throw new Error('xlsx export is not built yet');
}
