/**
 * Query parameters whose values are safe to log: paging and projection say nothing about a person.
 * Every other value is redacted: `filter` carries userNames and emails, `cursor` encodes sort values,
 * and a token sent as `access_token` (RFC 6750 §2.3) must never reach a log.
 */
const LOGGABLE = new Set([
  'count',
  'startIndex',
  'sortOrder',
  'sortBy',
  'attributes',
  'excludedAttributes',
  'identities',
]);

export const REDACTED = '[redacted]';

/** The URL as it may be logged: the path, and each query parameter with its value redacted unless loggable. */
export function redactUrl(url: string): string {
  const mark = url.indexOf('?');
  if (mark < 0) return url;
  const query = url.slice(mark + 1);
  if (query === '') return url;
  const parts = query.split('&').map((part) => {
    const equals = part.indexOf('=');
    const name = equals < 0 ? part : part.slice(0, equals);
    if (equals < 0) return name;
    let decoded = name;
    try {
      decoded = decodeURIComponent(name.replace(/\+/g, ' '));
    } catch {
      // A malformed escape: not a name we allow, so the value is redacted.
    }
    return LOGGABLE.has(decoded) ? part : `${name}=${REDACTED}`;
  });
  return `${url.slice(0, mark)}?${parts.join('&')}`;
}
