import { describe, expect, it } from 'vitest';
import { isPostgresConnectionLost } from './connection-lost.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isPostgresConnectionLost', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a reset connection', withCode('ECONNRESET')],
    ['the pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['a connection ended under a query', new Error('Connection terminated unexpectedly')],
    ['the client-side query timeout', new Error('Query read timeout')],
    ['SQLSTATE 08006 (connection failure)', withCode('08006')],
    ['SQLSTATE 57P01 (admin shutdown)', withCode('57P01')],
    ['SQLSTATE 57P03 (cannot connect now)', withCode('57P03')],
    ['a cause chain', new Error('query failed', { cause: withCode('ECONNRESET') })],
    ['an AggregateError of connect attempts', new AggregateError([withCode('ECONNREFUSED')], 'connect')],
  ])('%s means the database is out of reach', (_name, error) => {
    expect(isPostgresConnectionLost(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505')],
    ['a serialization failure', withCode('40001')],
    ['a statement timeout (the statement was cancelled, the server is there)', withCode('57014')],
    ['a syntax error', withCode('42601')],
    ['a plain error', new Error('boom')],
    ['not an error', 'ECONNRESET'],
    ['nothing', undefined],
  ])('%s does not', (_name, error) => {
    expect(isPostgresConnectionLost(error)).toBe(false);
  });
});
