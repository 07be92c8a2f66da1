import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

describe.each(testEngines)('bad requests get RFC 7644 error bodies and change nothing on $name', (engine) => {
  let roster: RosterHarness;
  let idp: IntegrationHandle;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine, { bodyLimitBytes: 64 * 1024 });
    idp = await roster.createIntegration();
  });
  afterAll(() => roster.close());

  const cases: { name: string; body: string; contentType?: string; status: number; scimType?: string }[] = [
    { name: 'malformed JSON', body: '{"userName": "x",', status: 400, scimType: 'invalidSyntax' },
    { name: 'an empty body', body: '', status: 400, scimType: 'invalidSyntax' },
    { name: 'a JSON array', body: '[{"userName":"x"}]', status: 400, scimType: 'invalidSyntax' },
    { name: 'a JSON string', body: '"userName"', status: 400, scimType: 'invalidSyntax' },
    {
      name: 'prototype poisoning',
      body: '{"userName":"p","__proto__":{"admin":true}}',
      status: 400,
      scimType: 'invalidSyntax',
    },
    {
      name: 'schemas that is not an array',
      body: '{"schemas":"urn:x","userName":"s"}',
      status: 400,
      scimType: 'invalidSyntax',
    },
    { name: 'a missing userName', body: '{"displayName":"No Name"}', status: 400, scimType: 'invalidValue' },
    { name: 'a blank userName', body: '{"userName":"   "}', status: 400, scimType: 'invalidValue' },
    {
      name: 'userName of the wrong type',
      body: '{"userName":{"a":1}}',
      status: 400,
      scimType: 'invalidValue',
    },
    {
      name: 'active of the wrong type',
      body: '{"userName":"t","active":"maybe"}',
      status: 400,
      scimType: 'invalidValue',
    },
    {
      name: 'an array for a single-valued attribute',
      body: '{"userName":["a","b"]}',
      status: 400,
      scimType: 'invalidValue',
    },
    {
      name: 'a primitive for a complex attribute',
      body: '{"userName":"c","name":"Ada"}',
      status: 400,
      scimType: 'invalidValue',
    },
    { name: 'text/plain', body: '{"userName":"t"}', contentType: 'text/plain', status: 415 },
  ];

  for (const testCase of cases) {
    it(`answers ${testCase.status} to ${testCase.name}`, async () => {
      const response = await roster.request(idp, 'POST', '/Users', testCase.body, {
        'content-type': testCase.contentType ?? 'application/scim+json',
      });
      expect(response.status).toBe(testCase.status);
      expect(response.body.schemas).toEqual([ERROR]);
      expect(response.body.status).toBe(String(testCase.status));
      if (testCase.scimType) expect(response.body.scimType).toBe(testCase.scimType);
      expect(response.text).not.toMatch(/at .*\.(ts|js):\d+/);
    });
  }

  it('answers 413 to a body over the limit', async () => {
    const huge = JSON.stringify({ userName: 'big', displayName: 'x'.repeat(70 * 1024) });
    const response = await roster.request(idp, 'POST', '/Users', huge);
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ schemas: [ERROR], status: '413' });
  });

  it('answers 404 with a SCIM body to an unknown endpoint', async () => {
    const response = await roster.request(idp, 'GET', '/Widgets');
    expect(response.status).toBe(404);
    expect(response.body.schemas).toEqual([ERROR]);
  });

  it('stored nothing from any of the rejected requests', async () => {
    const list = await roster.request(idp, 'GET', '/Users');
    expect(list.body.totalResults).toBe(0);
  });

  it('never answers 500 to random bytes', async () => {
    for (let i = 0; i < 50; i++) {
      const bytes = Array.from({ length: 1 + ((i * 37) % 200) }, (_, j) =>
        String.fromCharCode((i * 131 + j * 71) % 256),
      ).join('');
      const response = await roster.request(
        idp,
        i % 2 ? 'POST' : 'PUT',
        i % 2 ? '/Users' : '/Users/x',
        bytes,
      );
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
  });
});
