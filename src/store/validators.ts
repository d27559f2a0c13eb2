/**
 * Field checks for what people type in the inspector. Each returns why the value is refused, or
 * undefined when it is fine. Empty means "not set" for the optional fields. The rules are the
 * domain's (host-fields.ts, TEXT_LIMIT), the same ones restore applies to files and the autosave, so
 * a value the inspector accepts survives a reload unchanged and one it refuses never comes in
 * through a file either.
 */
import { TEXT_LIMIT } from '@/domain/document';
import { type Message, message } from '@/domain/message';

export { checkFqdn, checkSiteCode } from '@/domain/host-fields';

/** A name: not blank, and no longer than restore keeps (`TEXT_LIMIT`), so reloading never cuts it. */
export function checkHostName(value: string): Message | undefined {
  if (value.trim() === '') return message('store:fields.nameEmpty');
  if (value.length > TEXT_LIMIT) {
    return message('store:fields.nameTooLong', { limit: TEXT_LIMIT, length: value.length });
  }
  return undefined;
}
