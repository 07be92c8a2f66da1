import type { IncomingMessage } from 'node:http';
import { uuidV7Source } from '../directory/ids/uuid-v7.js';

/** A caller's request id is kept when it is a plain token (so it can be logged and echoed safely). */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/**
 * New request ids are UUIDv7, ordered by time: the provisioning log and the events index their rows by
 * request id, and a random id (v4) lands each insert on a random index page. Measured on SQLite (issue
 * 15, a copy of a bench database with 40,000 log rows): 79–92 µs of CPU per provisioning-log row with
 * v4 ids, 47–51 µs with time-ordered ones. A request id is a correlation handle, not a secret.
 */
const newRequestIds = uuidV7Source();

/**
 * The id of a request: the caller's `x-request-id` when it is sane (a proxy or client correlating its
 * own logs), else a new UUID. Used as Fastify's genReqId, so the id is in every log line of the request.
 */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  const value = Array.isArray(given) ? given[0] : given;
  return value !== undefined && SANE_REQUEST_ID.test(value) ? value : newRequestIds.newId();
}
