import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { restrictedAddressCategory } from './private-address.js';

export interface JwksFetchSettings {
  /** The whole fetch (DNS, connect, response) must end within this. */
  readonly timeoutMs: number;
  /** Larger responses are cut off and refused; a JWKS is a few KiB. */
  readonly maxBytes: number;
  /** Allow loopback, private, link-local and unique-local targets (an operator's choice; tests). */
  readonly allowPrivateAddresses: boolean;
}

/** A JWKS could not be fetched; the message says why, for the refusal and the signer test. */
export class JwksFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JwksFetchError';
  }
}

/**
 * GETs a JWKS document with a deadline, a size limit and SSRF protection. The host is resolved by a
 * lookup that refuses restricted addresses and hands the connection exactly the address it checked,
 * so a DNS answer cannot change between the check and the connect (DNS rebinding). Redirects are not
 * followed: a redirect could lead anywhere the check did not look.
 */
export async function fetchJwks(url: string, settings: JwksFetchSettings): Promise<unknown> {
  const target = new URL(url);
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    throw new JwksFetchError(`${target.protocol} URLs are not fetched`);
  }
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0) refuseRestricted(host, settings);
  const lookup = guardedLookup(settings);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const body = await new Promise<Buffer>((resolve, reject) => {
    const signal = AbortSignal.timeout(settings.timeoutMs);
    const request = send(
      target,
      { method: 'GET', lookup, signal, headers: { accept: 'application/json, application/jwk-set+json' } },
      (response) => collect(response, settings.maxBytes).then(resolve, reject),
    );
    request.on('error', (error: Error) =>
      reject(
        error instanceof JwksFetchError
          ? error
          : new JwksFetchError(
              signal.aborted
                ? `no answer within ${settings.timeoutMs} ms`
                : `the request failed (${error.message})`,
            ),
      ),
    );
    request.end();
  });
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new JwksFetchError('the answer is not JSON');
  }
}

function collect(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const status = response.statusCode ?? 0;
    if (status !== 200) {
      response.resume();
      reject(
        new JwksFetchError(
          status >= 300 && status < 400
            ? `it answered a redirect (${status}), which is not followed`
            : `it answered HTTP ${status}`,
        ),
      );
      return;
    }
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      response.destroy();
      reject(new JwksFetchError(`the answer is larger than ${maxBytes} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy();
        reject(new JwksFetchError(`the answer is larger than ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    response.on('end', () => resolve(Buffer.concat(chunks)));
    response.on('error', (error) => reject(new JwksFetchError(`the answer broke off (${error.message})`)));
  });
}

function refuseRestricted(address: string, settings: JwksFetchSettings): void {
  if (settings.allowPrivateAddresses) return;
  const category = restrictedAddressCategory(address);
  if (category) {
    throw new JwksFetchError(
      `${address} is a ${category} address, which JWKS fetches may not reach (ROSTER_ALLOW_PRIVATE_JWKS_URLS)`,
    );
  }
}

/** dns.lookup, refusing the whole answer when any address in it is restricted. */
function guardedLookup(settings: JwksFetchSettings): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      try {
        for (const { address } of addresses) refuseRestricted(address, settings);
      } catch (refusal) {
        return callback(refusal as NodeJS.ErrnoException, '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`no address for ${hostname}`) as NodeJS.ErrnoException, '', 0);
      callback(null, first.address, first.family);
    });
  };
}
