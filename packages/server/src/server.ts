import { systemClock, type Clock } from '@tandem/domain';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { Config } from './config/config';
import { openDatabase, type Database } from './db/database';
import { migrateToLatest } from './db/migrate';
import { createMailer } from './email/mailer';
import { createJobHandlers } from './jobs/handlers';
import { startWorker } from './jobs/jobs';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/** Opens the database, migrates it, starts the job worker and listens. */
export async function startServer(config: Config, clock: Clock = systemClock): Promise<RunningServer> {
  const database = await openDatabase(
    config.database.kind === 'postgres'
      ? { kind: 'postgres', url: config.database.url, poolSize: config.database.poolSize }
      : { kind: 'pglite', dataDir: config.database.dataDir },
  );
  try {
    await migrateToLatest(database.db);
    const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, production: config.nodeEnv === 'production' });
    const app = await buildApp({ config, database, clock, mailer });
    const stopWorker = startWorker({
      db: database.db,
      clock,
      handlers: createJobHandlers({ mailer, log: app.log, publicOrigin: config.publicOrigin }),
      pollMs: config.jobPollMs,
      onError: (error, job) =>
        app.log.error({ jobKind: job?.kind, jobId: job?.id, errName: (error as Error)?.name }, 'scheduled job failed'),
    });
    const address = await app.listen({ host: config.host, port: config.port });
    let stopping: Promise<void> | undefined;
    return {
      app,
      database,
      url: address,
      stop() {
        stopping ??= (async () => {
          await app.close();
          await stopWorker();
          mailer.close();
          await database.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
