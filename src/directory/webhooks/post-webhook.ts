import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { restrictedAddressCategory } from '../sign-in/private-address.js';

const EXCERPT_BYTES = 1024;

export type PostOutcome =
  | { readonly ok: true; readonly statusCode: number; readonly latencyMs: number; readonly excerpt: string }
  | {
      readonly ok: false;
      readonly statusCode: number | null;
      readonly latencyMs: number;
      readonly excerpt: string | null;
      readonly error: string;
    };

/** Why a URL may not receive webhooks (undefined: it may). Literal addresses are checked here; names at connect. */
export function refusedWebhookUrl(url: string, allowPrivate: boolean): string | undefined {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:')
    return `${target.protocol} URLs are not allowed`;
  if (target.username || target.password) return 'credentials in the URL are not allowed';
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost')))
    return 'loopback targets are not allowed (ROSTER_ALLOW_PRIVATE_WEBHOOK_URLS)';
  if (isIP(host) !== 0 && !allowPrivate) {
    const category = restrictedAddressCategory(host);
    if (category) return `${host} is a ${category} address (ROSTER_ALLOW_PRIVATE_WEBHOOK_URLS)`;
  }
  return undefined;
}

/**
 * POSTs one webhook (or SET: `headers` may set another content-type) with a deadline and SSRF protection: the host is resolved by a lookup that refuses
 * restricted addresses and connects to exactly the address it checked (no DNS rebinding); redirects
 * are not followed. 2xx is success; anything else, a timeout or a refused address is a failure.
 */
export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  settings: { readonly timeoutMs: number; readonly allowPrivateUrls: boolean },
): Promise<PostOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 1000) / 1000;
  const refused = refusedWebhookUrl(url, settings.allowPrivateUrls);
  if (refused) return { ok: false, statusCode: null, latencyMs: 0, excerpt: null, error: refused };
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<PostOutcome>((resolve) => {
    const signal = AbortSignal.timeout(settings.timeoutMs);
    const request = send(
      target,
      {
        method: 'POST',
        signal,
        lookup: guardedLookup(settings.allowPrivateUrls),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Roster-Webhooks/1',
          ...headers,
          'content-length': String(Buffer.byteLength(body)),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < EXCERPT_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('error', () => undefined);
        response.on('end', () => {
          const statusCode = response.statusCode ?? 0;
          const excerpt = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8');
          if (statusCode >= 200 && statusCode < 300)
            resolve({ ok: true, statusCode, latencyMs: elapsed(), excerpt });
          else
            resolve({
              ok: false,
              statusCode,
              latencyMs: elapsed(),
              excerpt,
              error:
                statusCode >= 300 && statusCode < 400
                  ? `redirect ${statusCode} (not followed)`
                  : `HTTP ${statusCode}`,
            });
        });
      },
    );
    request.on('error', (error: Error) =>
      resolve({
        ok: false,
        statusCode: null,
        latencyMs: elapsed(),
        excerpt: null,
        error: signal.aborted ? `no answer within ${settings.timeoutMs} ms` : error.message,
      }),
    );
    request.end(body);
  });
}

function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      if (!allowPrivate) {
        const restricted = addresses.find(({ address }) => restrictedAddressCategory(address));
        if (restricted) {
          const refusal = new Error(
            `${hostname} resolves to ${restricted.address}, a ${restrictedAddressCategory(restricted.address)} address (ROSTER_ALLOW_PRIVATE_WEBHOOK_URLS)`,
          ) as NodeJS.ErrnoException;
          return callback(refusal, '', 0);
        }
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`no address for ${hostname}`) as NodeJS.ErrnoException, '', 0);
      callback(null, first.address, first.family);
    });
  };
}
