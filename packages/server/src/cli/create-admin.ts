import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { EmailSchema, NewPasswordSchema, staffRoles, systemClock, TimeZoneSchema, type StaffRole } from '@tandem/domain';
import type { Config } from '../config/config';
import type { Database } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { createAdmin } from '../modules/staff/bootstrap.service';

export const createAdminUsage = `Usage: tandem create-admin --email <email> --name <name> [--organisation <name>]
                           [--time-zone <IANA zone>] [--also-practitioner] [--also-supervisor] [--password-stdin]

Creates an active admin account. The password is asked for twice (hidden), or read from
standard input with --password-stdin (at least 15 characters).`;

async function readStdin(): Promise<string> {
  let data = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) data += chunk;
  return data.replace(/\r?\n$/, '');
}

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    output._writeToOutput = (s: string) => {
      if (!asked) {
        process.stdout.write(s);
        asked = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

/** Runs `tandem create-admin`; returns the exit code. */
export async function runCreateAdmin(argv: string[], config: Config, database: Database): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      organisation: { type: 'string' },
      'time-zone': { type: 'string', default: 'Europe/London' },
      'also-practitioner': { type: 'boolean', default: false },
      'also-supervisor': { type: 'boolean', default: false },
      'password-stdin': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const email = EmailSchema.safeParse(values.email ?? '');
  const timeZone = TimeZoneSchema.safeParse(values['time-zone']);
  if (!email.success || !values.name?.trim() || !timeZone.success) {
    process.stderr.write(`${!email.success ? 'A valid --email is required. ' : ''}${!values.name?.trim() ? 'A --name is required. ' : ''}${!timeZone.success ? 'The --time-zone is not known. ' : ''}\n\n${createAdminUsage}\n`);
    return 2;
  }
  let password: string;
  if (values['password-stdin']) {
    password = await readStdin();
  } else {
    if (!process.stdin.isTTY) {
      process.stderr.write('No terminal to ask for a password: use --password-stdin.\n');
      return 2;
    }
    password = await askHidden('Password (at least 15 characters): ');
    if ((await askHidden('The same password again: ')) !== password) {
      process.stderr.write('The two passwords are different. Nothing was created.\n');
      return 1;
    }
  }
  const checked = NewPasswordSchema.safeParse(password);
  if (!checked.success) {
    process.stderr.write(`The password ${checked.error.issues[0]?.message ?? 'is not allowed'}. Nothing was created.\n`);
    return 1;
  }
  await migrateToLatest(database.db);
  const extraRoles = [
    ...(values['also-practitioner'] ? ['practitioner'] : []),
    ...(values['also-supervisor'] ? ['supervisor'] : []),
  ].filter((r): r is StaffRole => (staffRoles as readonly string[]).includes(r));
  const { organisation } = await createAdmin(database.db, systemClock, {
    email: email.data,
    displayName: values.name.trim(),
    password,
    ...(values.organisation ? { organisationName: values.organisation.trim() } : {}),
    timeZone: timeZone.data,
    extraRoles,
  });
  process.stdout.write(`Created the admin ${email.data} in ${organisation.name}. Sign in at ${config.publicOrigin}/staff/ and set up two-step sign-in with an authenticator app.\n`);
  return 0;
}
