import net from 'node:net';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { toErrorResponse } from '../http/errors';
import { createTestDatabase } from '../test/test-database';
import { isDatabaseUnavailable } from './unavailable';

// Which errors mean "the database cannot be reached just now" (503) and which stay a 500 (HAZ-097).
const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['connection refused', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'), true],
    ['connection reset', pgError('ECONNRESET'), true],
    ['no such host', pgError('ENOTFOUND'), true],
    ['SQLSTATE 08006 connection failure', pgError('08006'), true],
    ['SQLSTATE 08P01 protocol violation', pgError('08P01'), true],
    ['SQLSTATE 57P01 admin shutdown (pg_ctl stop -m fast)', pgError('57P01', 'terminating connection due to administrator command'), true],
    ['SQLSTATE 57P02 crash shutdown', pgError('57P02'), true],
    ['SQLSTATE 57P03 cannot connect now (starting up)', pgError('57P03', 'the database system is starting up'), true],
    ['SQLSTATE 53300 too many connections', pgError('53300'), true],
    ['pg: connection lost mid-query', new Error('Connection terminated unexpectedly'), true],
    ['pg: pool wait timed out', new Error('timeout exceeded when trying to connect'), true],
    ['pg: client not queryable', new Error('Client has encountered a connection error and is not queryable'), true],
    ['wrapped in a cause', new Error('query failed', { cause: pgError('57P01') }), true],
    ['an aggregate of refused addresses', Object.assign(new AggregateError([pgError('ECONNREFUSED')]), { code: 'ECONNREFUSED' }), true],
    ['SQLSTATE 23505 unique violation', pgError('23505', 'duplicate key value'), false],
    ['SQLSTATE 42601 syntax error', pgError('42601'), false],
    ['SQLSTATE 57014 statement cancelled', pgError('57014'), false],
    ['a plain error', new Error('Connection to the SMTP server failed'), false],
    ['not an error', 'ECONNREFUSED', false],
    ['nothing', undefined, false],
  ])('%s → %s', (_name, error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });

  it('recognises a real refused connection, and maps it to 503 database.unavailable in the one error shape', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = s.address() as net.AddressInfo;
        s.close(() => resolve(p));
      });
    });
    const client = new pg.Client({ connectionString: `postgres://nobody@127.0.0.1:${port}/none` });
    const error = await client.connect().then(() => null, (e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(toErrorResponse(error)).toEqual({ status: 503, body: { error: { code: 'database.unavailable', message: expect.stringMatching(/try again/) } } });
  });

  it('leaves a real constraint violation a 500', async () => {
    const database = await createTestDatabase();
    try {
      await sql`create table probe_unavailable (id int primary key)`.execute(database.db);
      await sql`insert into probe_unavailable values (1)`.execute(database.db);
      const error = await sql`insert into probe_unavailable values (1)`.execute(database.db).then(() => null, (e: unknown) => e);
      expect(error).toBeTruthy();
      expect(isDatabaseUnavailable(error)).toBe(false);
      expect(toErrorResponse(error).status).toBe(500);
    } finally {
      await database.close();
    }
  });
});
