import { DomainError, systemClock } from '@tandem/domain';
import { ConfigError, loadConfig } from '../config/config';
import { DataDirLockedError } from '../db/data-lock';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { formatDemoSignIns, seedDemo } from '../demo/seed-demo';
import { startServer } from '../server';
import { runAuditVerify } from './audit-verify';
import { runBackup } from './backup';
import { runContentCheck } from './content-check';
import { runCreateAdmin } from './create-admin';
import { runRestore } from './restore';

const usage = `Usage: tandem <command>

Commands:
  serve      migrate the database and serve the API and web app
  migrate    bring the database schema up to date, then exit
  seed-demo  add the demo organisation (labelled demo data) if it is not there
  create-admin --email <email> --name <name> [--organisation <name>] [--password-stdin]
             create an active admin account (asks for the password)
  audit verify
             check the audit log against its seals (exit 1 if any row was changed, removed or added)
  backup --out <file> [--quiet]
             write every table to a checksummed backup file (stop the server first on the
             embedded database; see docs/operations/backup-and-restore.md)
  restore --in <file> [--force] [--quiet]
             restore a backup in one transaction; refuses a database with data unless --force
  content check [--dir <folder>]
             check the self-help programme's files (the build runs this)
  help       show this text

Configuration comes from environment variables (see README.md, "Configuration").`;

async function openForCommand() {
  const config = loadConfig();
  return openDatabase(
    config.database.kind === 'postgres'
      ? { kind: 'postgres', url: config.database.url, poolSize: 2 }
      : { kind: 'pglite', dataDir: config.database.dataDir },
  );
}

async function main(argv: string[]): Promise<number> {
  const [command = 'help'] = argv;
  switch (command) {
    case 'serve': {
      const config = loadConfig();
      const server = await startServer(config);
      const where = config.database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded database in ${config.database.dataDir}`;
      process.stdout.write(`\nTandem is running on ${config.publicOrigin} — client app at /, practitioner app at /staff/ — using the ${where}.\n\n`);
      if (server.demo) {
        process.stdout.write(`${server.demo.created ? 'Created the demo organisation. ' : ''}${formatDemoSignIns(server.demo)}\n\n`);
      }
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.stop();
      return 0;
    }
    case 'migrate': {
      const database = await openForCommand();
      try {
        const applied = await migrateToLatest(database.db);
        process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'The schema is up to date.\n');
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'seed-demo': {
      const database = await openForCommand();
      try {
        await migrateToLatest(database.db);
        const result = await seedDemo(database.db, systemClock);
        process.stdout.write(`${result.created ? 'Created the demo organisation.' : 'The demo organisation already exists.'}\n${formatDemoSignIns(result)}\n`);
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'audit': {
      if (argv[1] !== 'verify') {
        process.stderr.write(`Unknown audit command.\n\n${usage}\n`);
        return 2;
      }
      const database = await openForCommand();
      try {
        return await runAuditVerify(database.db, (s) => process.stdout.write(s));
      } finally {
        await database.close();
      }
    }
    case 'backup':
    case 'restore': {
      const io = { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s), clock: systemClock };
      return command === 'backup' ? runBackup(argv.slice(1), openForCommand, io) : runRestore(argv.slice(1), openForCommand, io);
    }
    case 'content':
      return runContentCheck(argv.slice(1), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
    case 'create-admin': {
      const config = loadConfig();
      const database = await openForCommand();
      try {
        return await runCreateAdmin(argv.slice(1), config, database);
      } finally {
        await database.close();
      }
    }
    case 'help':
    case '--help':
      process.stdout.write(`${usage}\n`);
      return 0;
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${usage}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DomainError) {
      process.stderr.write(`${error.message} Nothing was created.\n`);
      process.exit(1);
    }
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
