import net from 'node:net';
import { openDatabase, type DatabaseTarget } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { makeClient, makeOrganisation, makeStaff } from './factories';

/** For tests that start a real `tandem serve` (src/cli/crash.test.ts, src/db/pg-restart.test.ts). */

/** A TCP port on loopback that nothing listens on just now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Migrates the database a server will start on and makes a client with their practitioner in it,
 * directly, before the server starts. Answers the client's email (their password is `testPassword`).
 */
export async function seedClientBeforeStart(target: DatabaseTarget): Promise<string> {
  const seed = await openDatabase(target);
  try {
    await migrateToLatest(seed.db);
    const now = new Date();
    const org = await makeOrganisation(seed.db, now);
    const practitioner = await makeStaff(seed.db, now, org.id, ['practitioner']);
    return (await makeClient(seed.db, now, org.id, [practitioner.id])).email;
  } finally {
    await seed.close();
  }
}
