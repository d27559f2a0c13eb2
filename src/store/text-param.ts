import type { MessageParam } from '@/domain/message';
import type { Text } from './ui-types';

/**
 * Text inside a message: a domain message is put into words in the reader's language, text the
 * user gave stays as it is.
 *
 * @example
 * message('store:fields.httpPort', { problem: textParam(refusal) });
 */
export const textParam = (text: Text): MessageParam => (typeof text === 'string' ? text : { message: text });
