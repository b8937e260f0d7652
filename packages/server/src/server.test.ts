import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '@tandem/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config/config';
import { demoOnStart, startServer } from './server';
import { createTestDatabase } from './test/test-database';

const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-start-'));
afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));
const clock = new ManualClock('2026-03-02T09:00:00Z');

describe('start-up on the embedded database', () => {
  it('seeds the demo on a new data folder, and only then; prints its sign-ins on later starts', async () => {
    const config = loadConfig({ PORT: '0', DATA_DIR: path.join(parent, 'data'), LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent' }, parent);
    const first = await startServer(config, clock);
    try {
      expect(first.demo?.created).toBe(true);
      const res = await fetch(`${first.url}/api/health`);
      expect(await res.json()).toEqual({ status: 'ok', database: 'ok', engine: 'pglite' });
    } finally {
      await first.stop();
    }
    const second = await startServer(config, clock);
    try {
      expect(second.demo?.created).toBe(false);
      expect(second.demo?.signIns.length).toBe(10);
      const orgs = await second.database.db.selectFrom('organisation').select('id').execute();
      expect(orgs).toHaveLength(1);
    } finally {
      await second.stop();
    }
  }, 60_000);

  it('does not seed when SEED_DEMO=never', async () => {
    const config = loadConfig({ PORT: '0', DATA_DIR: path.join(parent, 'never'), LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent', SEED_DEMO: 'never' }, parent);
    const server = await startServer(config, clock);
    try {
      expect(server.demo).toBeUndefined();
    } finally {
      await server.stop();
    }
  }, 60_000);
});

describe('start-up on PostgreSQL (DATABASE_URL)', () => {
  it('never seeds a demo, even on a new database', async () => {
    const database = await createTestDatabase();
    try {
      const config = loadConfig({ DATABASE_URL: 'postgres://tandem@db.example/tandem', LOG_LEVEL: 'silent' });
      expect(await demoOnStart(config, database, clock, ['0001-scheduled-work', '0002-identity-and-audit'])).toBeUndefined();
      expect(await database.db.selectFrom('organisation').select('id').execute()).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('is never seeded in production', async () => {
    const database = await createTestDatabase();
    try {
      const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y', PUBLIC_ORIGIN: 'https://t.example', LOG_LEVEL: 'silent' });
      expect(await demoOnStart({ ...config, database: { kind: 'pglite', dataDir: '/x' } }, database, clock, ['0001-scheduled-work'])).toBeUndefined();
    } finally {
      await database.close();
    }
  });
});
