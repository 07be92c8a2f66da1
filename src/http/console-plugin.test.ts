import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolePlugin } from './console-plugin.js';

describe('the console at /console', () => {
  let directory: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'roster-console-'));
    mkdirSync(join(directory, 'assets'));
    writeFileSync(join(directory, 'index.html'), '<!doctype html><title>Roster console</title>');
    writeFileSync(join(directory, 'assets', 'index-abc.js'), 'console.log(1)');
    app = Fastify();
    app.get('/other', async () => ({ other: true }));
    await app.register(async (scope) => consolePlugin(scope, { directory }));
  });
  afterAll(async () => {
    await app.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it.each([
    '/console',
    '/console/',
    '/console/integrations/123',
    '/console/sign-in?next=%2F',
    // Issue 18's later screens: an identity's history, a request opened in the log, the signer editor.
    '/console/orgs/1/identities/2',
    '/console/orgs/1/integrations/3?request=4',
    '/console/orgs/1/jwt-signers',
  ])('answers %s with the single-page app, with the security headers', async (url) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('Roster console');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed assets with a long cache and the same headers', async () => {
    const response = await app.inject({ method: 'GET', url: '/console/assets/index-abc.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log(1)');
    expect(response.headers['cache-control']).toContain('immutable');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers a missing asset 404, not with the page', async () => {
    const response = await app.inject({ method: 'GET', url: '/console/assets/index-old.js' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-security-policy']).toBeDefined();
  });

  it('adds no console headers to routes outside /console', async () => {
    const response = await app.inject({ method: 'GET', url: '/other' });
    expect(response.headers['content-security-policy']).toBeUndefined();
  });
});
