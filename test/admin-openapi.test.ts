import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDefaultOrganization } from '../src/directory/organizations/ensure-default-organization.js';
import { buildApp } from '../src/http/build-app.js';
import { directoryStore } from '../src/store/directory-store.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { ids, TestClock, testCapabilities, testEngines, testScimSettings } from './support/roster-harness.js';
import type { TestDatabase } from './support/test-engines.js';

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { responses?: Record<string, unknown>; tags?: string[] }>>;
  components: { securitySchemes: Record<string, { type: string; scheme?: string }> };
  security: Record<string, string[]>[];
}

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

describe.each(testEngines)('the admin API document on $name', (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const routes: RouteOptions[] = [];
  const logLines: string[] = [];
  let document: OpenApiDocument;

  beforeAll(async () => {
    database = await engine.open();
    await migrateToLatest(database.db, database.dialect);
    const store = directoryStore(database.db, database.dialect);
    const clock = new TestClock();
    await ensureDefaultOrganization({ store, clock, ids });
    app = await buildApp({
      store,
      clock,
      ids,
      logger: pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) }),
      publicBaseUrl: 'http://127.0.0.1',
      bodyLimitBytes: 1_048_576,
      capabilities: testCapabilities,
      scimSettings: await testScimSettings(store, clock),
      onRoute: (route) => routes.push(route),
    });
    await app.ready();
    const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    document = JSON.parse(response.body) as OpenApiDocument;
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  it('is an OpenAPI 3.1 document that a schema validator accepts, served without a key', async () => {
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(document as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('declares the bearer admin key as the security of every operation', () => {
    expect(document.components.securitySchemes.adminKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.security).toEqual([{ adminKey: [] }]);
  });

  it('gives every path operations, and every operation its responses, a tag and an error body for 401', () => {
    expect(Object.keys(document.paths).length).toBeGreaterThan(20);
    for (const [path, item] of Object.entries(document.paths)) {
      const operations = Object.entries(item).filter(([method]) => methods.includes(method));
      expect(operations.length, path).toBeGreaterThan(0);
      for (const [method, operation] of operations) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(Object.keys(operation.responses ?? {}).length, where).toBeGreaterThan(1);
        expect(operation.responses?.['401'], where).toBeDefined();
        expect(operation.tags?.length, where).toBe(1);
      }
    }
  });

  it('lists exactly the admin routes the app registered, and no SCIM or documentation route', () => {
    const registered = new Set(
      routes
        .flatMap((route) =>
          (Array.isArray(route.method) ? route.method : [route.method]).map((m) => ({ m, route })),
        )
        .filter(({ m, route }) => m !== 'HEAD' && route.url.startsWith('/api/v1/'))
        .filter(({ route }) => route.url !== '/api/v1/openapi.json')
        .map(({ m, route }) => `${m} ${route.url.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, item]) =>
        Object.keys(item)
          .filter((method) => methods.includes(method))
          .map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    expect([...documented].sort()).toEqual([...registered].sort());
    expect(registered.size).toBeGreaterThan(40);
    expect(Object.keys(document.paths).some((path) => !path.startsWith('/api/v1/'))).toBe(false);
  });

  it('documents the request schemas the routes validate with, unknown fields refused', () => {
    const create = document.paths['/api/v1/organizations/{organizationId}/integrations']?.post as unknown as {
      requestBody: {
        content: Record<string, { schema: { additionalProperties: boolean; required: string[] } }>;
      };
      parameters: { name: string; in: string; required: boolean }[];
    };
    const schema = create.requestBody.content['application/json']?.schema;
    expect(schema).toMatchObject({ additionalProperties: false, required: ['name'] });
    expect(create.parameters).toEqual([
      expect.objectContaining({ name: 'organizationId', in: 'path', required: true }),
    ]);
    const list = document.paths['/api/v1/organizations/{organizationId}/identities']?.get as unknown as {
      parameters: { name: string; in: string }[];
    };
    expect(
      list.parameters
        .filter((p) => p.in === 'query')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['attribute', 'cursor', 'groupId', 'integrationId', 'limit', 'q', 'status'].sort());
  });

  it('logs each request under its request id, the caller’s when it sent one', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/organizations',
      headers: { 'x-request-id': 'log-me-1' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['x-request-id']).toBe('log-me-1');
    const lines = logLines.map((line) => JSON.parse(line) as { reqId?: string; msg?: string });
    const mine = lines.filter((line) => line.reqId === 'log-me-1').map((line) => line.msg);
    expect(mine).toEqual(
      expect.arrayContaining(['incoming request', 'admin request rejected', 'request completed']),
    );
  });

  it('serves the reference page and all of its assets itself, so it works offline', async () => {
    const page = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const assets = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] as string);
    expect(assets.length).toBeGreaterThanOrEqual(4);
    for (const asset of assets) {
      expect(asset, 'no CDN or other origin').toMatch(/^\/api\/docs\//);
      const response = await app.inject({ method: 'GET', url: asset });
      expect(response.statusCode, asset).toBe(200);
      expect(response.body.length, asset).toBeGreaterThan(0);
    }
    const bundle = await app.inject({ method: 'GET', url: '/api/docs/static/swagger-ui-bundle.js' });
    expect(bundle.body.length).toBeGreaterThan(100_000);
    const initializer = await app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(initializer.body).toContain("resolveUrl('./json')");
    // No call to the online validator badge (validator.swagger.io) either.
    expect(initializer.body).toContain('validatorUrl: null');
    expect(page.body).not.toMatch(/https?:/);
    const spec = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(JSON.parse(spec.body)).toEqual(document);
  });
});
