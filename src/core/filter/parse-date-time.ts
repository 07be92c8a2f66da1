// RFC 7643 §2.3.5: an xsd:dateTime with both date and time, e.g. "2008-01-23T04:56:22Z". RFC 3339 §5.6 is the
// same shape with a mandatory offset; "T" and "Z" may be lower case (RFC 3339 §5.6 NOTE).
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})?$/;

/**
 * Parses a SCIM dateTime to epoch milliseconds, or `undefined` when it is not one. Two choices a SQL
 * compiler must mirror: a value without an offset is taken as UTC (xsd:dateTime allows it; local time
 * would make the result depend on the server's zone), and digits beyond milliseconds are dropped.
 */
export function parseDateTime(text: string): number | undefined {
  const match = DATE_TIME.exec(text);
  if (match === null) return undefined;
  const [
    ,
    year = '',
    month = '',
    day = '',
    hour = '',
    minute = '',
    second = '',
    fraction = '',
    offset = 'Z',
  ] = match;
  const m = Number(month);
  if (m < 1 || m > 12 || Number(day) < 1 || Number(day) > daysInMonth(Number(year), m)) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  const zone = offset.toUpperCase();
  if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4, 6)) > 59)) return undefined;
  // ECMAScript's own date-time string format (ECMA-262 §21.4.1.32) parses identically on every engine.
  const millis = fraction.padEnd(3, '0').slice(0, 3);
  const time = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}${zone}`);
  return Number.isNaN(time) ? undefined : time;
}

/** The canonical form of a dateTime, `2024-01-01T00:00:00.000Z`, or `undefined` when it is not one. */
export function canonicalDateTime(text: string): string | undefined {
  const time = parseDateTime(text);
  return time === undefined ? undefined : new Date(time).toISOString();
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
