import { Writable } from 'node:stream';
import { ManualClock } from '@tandem/domain';
import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import { buildApp } from '../app';
import { createMailer } from '../email/mailer';
import { createJobHandlers } from '../jobs/handlers';
import { runDueJobs } from '../jobs/jobs';
import { loadConfig, type Config } from '../config/config';
import type { Database } from '../db/database';
import { createTestDatabase } from './test-database';
import { registerTestApp } from './factories';
import { pushSubject } from '../modules/push/push.sender';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  clock: ManualClock;
  config: Config;
  /** Runs the scheduled work that is due now (emails, later reminders), as the worker would. */
  runJobs(): Promise<number>;
  /** Every log line written so far, as text. */
  logs(): string;
  close(): Promise<void>;
}

/**
 * The real app, in process, on this file's own real database, with a clock the test moves.
 * `plugins` see every query the app makes (bench/budgets counts and explains them).
 */
export async function createTestApp(
  options: {
    env?: Record<string, string>;
    register?: (app: FastifyInstance, database: Database) => void | Promise<void>;
    plugins?: KyselyPlugin[];
  } = {},
): Promise<TestApp> {
  const opened = await createTestDatabase();
  const database = { ...opened, db: (options.plugins ?? []).reduce((db, plugin) => db.withPlugin(plugin), opened.db) };
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', WEB_DIST_DIR: '/nonexistent', ...options.env });
  const lines: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString('utf8'));
      callback();
    },
  });
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, production: config.nodeEnv === 'production' });
  const app = await buildApp({ config, database, clock, mailer, logStream });
  registerTestApp(app, { db: database.db, clock });
  await options.register?.(app, database);
  await app.ready();
  return {
    app,
    database,
    clock,
    config,
    logs: () => lines.join(''),
    runJobs: () => runDueJobs({ db: database.db, clock, handlers: createJobHandlers({ mailer, log: app.log, publicOrigin: config.publicOrigin, push: { subject: pushSubject(config), extraOrigins: config.pushServiceOrigins } }) }),
    async close() {
      await app.close();
      mailer.close();
      await database.close();
    },
  };
}
