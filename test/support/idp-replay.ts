import { request as httpRequest } from 'node:http';
import { expect } from 'vitest';
import type { IntegrationHandle, RosterHarness, ScimResponse } from './roster-harness.js';

/** Shared by the identity-provider replay suites (test/idp-*.test.ts). */

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** A PatchOp body (RFC 7644 §3.5.2) with the operations exactly as given. */
export const patchOp = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });

/** `?filter=...&k=v`, percent-encoded the way the providers' HTTP clients send it. */
export function query(filter: string | undefined, extra: Record<string, string | number> = {}): string {
  const parts: string[] = [];
  if (filter !== undefined) parts.push(`filter=${encodeURIComponent(filter)}`);
  for (const [key, value] of Object.entries(extra)) parts.push(`${key}=${encodeURIComponent(String(value))}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

export interface ReplayedRequest {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly elapsedMs: number;
}

/**
 * Sends requests the way one identity provider does: its own default headers on every request, and a log
 * of what was sent and how long the answer took, so a suite can check properties of a whole cycle.
 */
export class IdpClient {
  readonly log: ReplayedRequest[] = [];
  readonly integration: IntegrationHandle;
  private readonly roster: RosterHarness;
  private readonly defaultHeaders: Record<string, string>;

  constructor(
    roster: RosterHarness,
    integration: IntegrationHandle,
    defaultHeaders: Record<string, string> = {},
  ) {
    this.roster = roster;
    this.integration = integration;
    this.defaultHeaders = defaultHeaders;
  }

  async send(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ScimResponse> {
    const started = performance.now();
    const response = await this.roster.request(this.integration, method, path, body, {
      ...this.defaultHeaders,
      ...headers,
    });
    this.log.push({ method, path, status: response.status, elapsedMs: performance.now() - started });
    return response;
  }
}

/**
 * A request with no User-Agent header at all. fetch always adds one, so this goes through node:http,
 * which adds none.
 */
export function sendWithoutUserAgent(
  integration: IntegrationHandle,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown>; sentHeaders: string[] }> {
  const url = new URL(`${integration.url}${path}`);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = { authorization: `Bearer ${integration.token}` };
  if (payload !== undefined) {
    headers['content-type'] = 'application/scim+json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: incoming.statusCode ?? 0,
          body: text.length > 0 ? (JSON.parse(text) as Record<string, unknown>) : {},
          sentHeaders: outgoing.getHeaderNames(),
        });
      });
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    if (payload !== undefined) outgoing.write(payload);
    outgoing.end();
  });
}

/** RFC 7644 §3.4.2: a ListResponse whose counters are JSON integers. */
export function expectListResponse(response: ScimResponse, totalResults?: number): Record<string, unknown>[] {
  expect(response.status, response.text).toBe(200);
  expect(response.body.schemas).toEqual([LIST_RESPONSE]);
  for (const counter of ['totalResults', 'itemsPerPage', 'startIndex'] as const) {
    expect(Number.isInteger(response.body[counter]), `${counter} is an integer`).toBe(true);
  }
  const resources = (response.body.Resources ?? []) as Record<string, unknown>[];
  expect(Array.isArray(resources)).toBe(true);
  if (totalResults !== undefined) expect(response.body.totalResults).toBe(totalResults);
  return resources;
}

/** RFC 7644 §3.12: an error body with the error schema, the status as a string and a detail. */
export function expectScimError(response: ScimResponse, status: number, scimType?: string): void {
  expect(response.status, response.text).toBe(status);
  expect(response.body.schemas).toEqual([ERROR_SCHEMA]);
  expect(String(response.body.status)).toBe(String(status));
  expect(typeof response.body.detail).toBe('string');
  if (scimType !== undefined) expect(response.body.scimType).toBe(scimType);
}

/** Member ids of a group, read back with `attributes=members`. */
export async function memberIds(client: IdpClient, groupId: string): Promise<string[]> {
  const response = await client.send('GET', `/Groups/${groupId}?attributes=members`);
  expect(response.status, response.text).toBe(200);
  const members = (response.body.members ?? []) as { value: string }[];
  return members.map((member) => member.value).sort();
}
