import { IdSchema, DomainError } from '@tandem/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { createTestApp, type TestApp } from '../test/test-app';

/**
 * Bad input against the real app. Feature routes arrive with later issues; this file registers
 * one route through the same plugins, error mapper and database so every shared mechanism is
 * exercised: a strict schema (unknown fields rejected) and a two-step write in one transaction.
 */
const PairSchema = z.strictObject({ id: IdSchema, label: z.string().min(1).max(40), failSecondStep: z.boolean().optional() });

function registerPairRoute(app: FastifyInstance, database: Database) {
  app.withTypeProvider<ZodTypeProvider>().post('/test-only/pairs', { schema: { body: PairSchema } }, async (request, reply) => {
    await database.db.transaction().execute(async (trx) => {
      await sql`insert into pair_probe values (${request.body.id}, 'first', ${request.body.label})`.execute(trx);
      if (request.body.failSecondStep) throw new DomainError('request.invalid', 'The second step was refused.');
      await sql`insert into pair_probe values (gen_random_uuid(), 'second', ${request.body.label})`.execute(trx);
    });
    return reply.status(201).send({ ok: true });
  });
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    env: { BODY_LIMIT_BYTES: '2048' },
    register: async (app, database) => {
      await sql`create table pair_probe (id uuid primary key, step text not null, label text not null)`.execute(database.db);
      registerPairRoute(app, database);
    },
  });
});
afterAll(() => t.close());

const id = '0190f5a0-0000-7000-8000-000000000001';
const post = (payload: string, contentType = 'application/json') =>
  t.app.inject({ method: 'POST', url: '/test-only/pairs', payload, headers: { 'content-type': contentType } });
const rowCount = async () =>
  (await sql<{ n: number }>`select count(*) as n from pair_probe`.execute(t.database.db)).rows[0]!.n;

describe('bad input gets a clear error with a stable code, and nothing is written', () => {
  it.each([
    ['malformed JSON', '{"id": ', 'application/json', 400, 'request.malformed_json'],
    ['an empty JSON body', '', 'application/json', 400, 'request.malformed_json'],
    ['the wrong content type', 'id=1', 'application/x-www-form-urlencoded', 415, 'request.unsupported_media_type'],
    ['plain text', '{"id":"x"}', 'text/plain', 415, 'request.unsupported_media_type'],
    ['an oversize body', JSON.stringify({ id, label: 'x'.repeat(4096) }), 'application/json', 413, 'request.too_large'],
    ['a JSON array instead of an object', '[]', 'application/json', 400, 'request.invalid'],
  ])('%s', async (_name, payload, contentType, status, code) => {
    const res = await post(payload, contentType);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(typeof res.json().error.message).toBe('string');
    expect(await rowCount()).toBe(0);
  });

  it('rejects unknown fields, naming each', async () => {
    const res = await post(JSON.stringify({ id, label: 'ok', role: 'admin', extra: 1 }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: 'request.invalid',
        message: 'Some of the request is not valid.',
        details: [
          { path: 'body/role', message: 'is not a known field' },
          { path: 'body/extra', message: 'is not a known field' },
        ],
      },
    });
    expect(await rowCount()).toBe(0);
  });

  it('names each invalid field', async () => {
    const res = await post(JSON.stringify({ id: 'not-a-uuid', label: '' }));
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(['body/id', 'body/label']);
    expect(await rowCount()).toBe(0);
  });

  it('writes nothing when the second step of a write fails', async () => {
    const res = await post(JSON.stringify({ id, label: 'pair', failSecondStep: true }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({ code: 'request.invalid', message: 'The second step was refused.' });
    expect(await rowCount()).toBe(0);
  });

  it('and the same request, valid, writes both steps', async () => {
    const res = await post(JSON.stringify({ id, label: 'pair' }));
    expect(res.statusCode).toBe(201);
    expect(await rowCount()).toBe(2);
  });
});
