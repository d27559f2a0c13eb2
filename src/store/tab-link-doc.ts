/**
 * What two linked tabs need of Yjs: the shared document, the session that binds the store to it
 * and the channel between the tabs. tab-link.ts loads this when a second tab opens, not with the
 * page: a lone tab never needs it.
 */
import * as Y from 'yjs';
import { isSharedEmpty } from '@/sync/shared-doc';
import { startSharedSession } from '@/sync/shared-session';
import { linkTabs } from '@/sync/tab-channel';

export const tabLinkDoc = {
  newDoc: (): Y.Doc => new Y.Doc(),
  isSharedEmpty,
  startSharedSession,
  linkTabs,
};

export type TabLinkDoc = typeof tabLinkDoc;
