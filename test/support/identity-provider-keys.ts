import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  exportJWK,
  exportSPKI,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';

export type TestAlgorithm = 'RS256' | 'ES256' | 'EdDSA';

/** A key pair made in the test, as an IdP holds it: the private half signs, the public half is published. */
export interface SigningKey {
  readonly kid: string;
  readonly alg: TestAlgorithm;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicJwk: JWK;
  readonly publicPem: string;
}

export async function makeKey(alg: TestAlgorithm, kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { kid, alg, privateKey, publicKey, publicJwk, publicPem: await exportSPKI(publicKey) };
}

/** Signs a JWT; `header` adds or overrides protected-header fields (the attacks need that). */
export async function signToken(
  key: SigningKey,
  claims: JWTPayload,
  header: Record<string, unknown> = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT', ...header })
    .sign(key.privateKey);
}

/**
 * An IdP's JWKS endpoint: real HTTP on 127.0.0.1, publishing whichever keys the test sets, counting
 * every fetch so the tests can see how often Roster asks.
 */
export class JwksServer {
  private keys: SigningKey[];
  fetches = 0;
  private readonly server: Server;
  private constructor(server: Server, keys: SigningKey[]) {
    this.server = server;
    this.keys = keys;
  }

  static async start(keys: SigningKey[]): Promise<JwksServer> {
    const box: { instance?: JwksServer } = {};
    const server = createServer((request, response) => {
      const instance = box.instance;
      if (!instance || request.url !== '/jwks') {
        response.writeHead(404).end();
        return;
      }
      instance.fetches++;
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: instance.keys.map((k) => k.publicJwk) }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    box.instance = new JwksServer(server, keys);
    return box.instance;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/jwks`;
  }

  /** The IdP rotates: from now on it publishes exactly these keys. */
  publish(keys: SigningKey[]): void {
    this.keys = keys;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Seconds since the epoch of a test clock's time. */
export function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}
