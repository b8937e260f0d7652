import { defaultPlanTemplateIds, type PlanTemplate, type Step } from '@tandem/domain';
import { sql, type Kysely } from 'kysely';
import { writeAudit } from '../../packages/server/src/audit/audit';
import { defaultContentRoot, loadCheckedProgramme } from '../../packages/server/src/content/programme-files';
import type { Schema } from '../../packages/server/src/db/schema';
import { hashPassword } from '../../packages/server/src/modules/auth/secrets';
import { findTemplate } from '../../packages/server/src/modules/plans/plans.templates';
import { Calendar } from './calendar';
import type { ClientContext } from './client-context';
import { clientEmail, writeCheckIns, writeClient, writeQuestionnaires } from './client-care';
import { writeAppointments, writeHomework, writePlan } from './client-sessions';
import { writeMessages, writeProgramme } from './client-work';
import { caseload, createStaffing, makeTotpSecret, timeZone } from './organisation';
import { createRandom } from './random';
import { emptyRows, writeRows } from './rows';

export interface GenerateOptions {
  clients: number;
  /** The end of the year of history; appointments and the duty rota run a few weeks past it. */
  now: Date;
  /** Same seed, same organisation (ids aside, which carry the real time and random bits). Default 1. */
  seed?: number;
  /** Chunks written at once, each in its own transaction: 1 (the default) on PGlite; up to the pool's size on PostgreSQL. */
  connections?: number;
  onProgress?: (done: number, total: number, phase: string) => void;
}

export interface GeneratedOrganisation {
  organisationId: string;
  /** Every account's password. */
  password: string;
  /** Every member of staff's confirmed authenticator secret (base32). */
  totpSecret: string;
  practitioners: { staffId: string; email: string }[];
  admin: { staffId: string; email: string };
  /** A practitioner who is not a supervisor (when there are two or more), and their whole caseload. */
  benchPractitioner: { staffId: string; email: string; clientIds: string[] };
  /** The first practitioner: a supervisor of the nine after them, with a caseload of their own. */
  benchSupervisor: { staffId: string; email: string };
  /** The bench practitioner's first client: in active care, with an appointment ahead. */
  benchClient: { clientId: string; email: string };
  /** Rows written, by table. */
  counts: Record<string, number>;
  seconds: number;
}

async function finished(writing: Promise<Error | null>): Promise<void> {
  const error = await writing;
  if (error) throw error;
}

export const benchPassword = 'tandem bench passphrase';
/** Clients written per transaction: large enough for few round trips, small enough to keep memory flat. */
const clientsPerChunk = 500;

/**
 * Writes a realistic organisation with `clients` clients and a year of their history, straight
 * into the tables in large batches (not through the services: they audit and check each write,
 * far too slow for 100,000 clients), with the row shapes the services write. One password hash
 * is shared by every account (argon2 costs milliseconds per hash).
 */
export async function generateOrganisation(db: Kysely<Schema>, options: GenerateOptions): Promise<GeneratedOrganisation> {
  const started = performance.now();
  const { now, clients } = options;
  const progress = options.onProgress ?? (() => {});
  const random = createRandom(options.seed ?? 1);
  const organisations = await db.selectFrom('organisation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const emailDomain = `org${Number(organisations.n) + 1}.bench.tandem.test`;
  const passwordHash = await hashPassword(benchPassword);
  const totpSecret = makeTotpSecret(random);
  const modules = (await loadCheckedProgramme(defaultContentRoot)).map((m) => m.meta).sort((a, b) => Number(b.core) - Number(a.core) || a.order - b.order);

  progress(0, 1, 'staff');
  const counts: Record<string, number> = {};
  const staffing = await db.transaction().execute((trx) => createStaffing(trx, random, { clients, now, passwordHash, totpSecret, emailDomain, counts }));
  progress(1, 1, 'staff');
  const templateOf = (step: Step) => findTemplate(db, defaultContentRoot, staffing.organisationId, defaultPlanTemplateIds[step]);
  const templates: Record<Step, PlanTemplate> = { low_intensity: await templateOf('low_intensity'), high_intensity: await templateOf('high_intensity') };
  const calendar = new Calendar(now, timeZone);

  // The second practitioner, when there is one, is not a supervisor: their worklist is their own caseload.
  const benchIndex = staffing.practitioners.length > 1 ? 1 : 0;
  const benchClientIds: string[] = [];
  progress(0, clients, 'clients');
  // Chunks are written while the next ones are made: generation yields now and then, so the driver
  // can send the next statement while the database works. On PostgreSQL, `connections` chunks may
  // be written at once (their rows never collide); PGlite has one connection, and runs in this thread.
  const writing: Promise<Error | null>[] = [];
  let written = 0;
  for (let start = 0; start < clients; start += clientsPerChunk) {
    const end = Math.min(clients, start + clientsPerChunk);
    const ctx: ClientContext = { organisationId: staffing.organisationId, emailDomain, passwordHash, calendar, random, modules, templates, rows: emptyRows() };
    for (let index = start; index < end; index++) {
      const practitioner = Math.floor(index / caseload);
      const story = writeClient(ctx, index, staffing.practitioners[practitioner]!, index === benchIndex * caseload);
      if (practitioner === benchIndex) benchClientIds.push(story.clientId);
      writeCheckIns(ctx, story);
      writeQuestionnaires(ctx, story);
      writeAppointments(ctx, story);
      const upcoming = writeProgramme(ctx, story, writePlan(ctx, story));
      writeHomework(ctx, story, upcoming);
      writeMessages(ctx, story);
      if (index % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    if (writing.length >= (options.connections ?? 1)) await finished(writing.shift()!);
    // Settled into a value at once, so a failure is not reported as unhandled while the next chunk is made.
    writing.push(
      db
        .transaction()
        .execute((trx) => writeRows(trx, ctx.rows, counts))
        .then(
          () => {
            written += end - start;
            progress(written, clients, 'clients');
            return null;
          },
          (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
        ),
    );
  }
  for (const chunk of writing) await finished(chunk);

  await writeAudit(db, { actor: { type: 'system', component: 'bench:generate', organisationId: staffing.organisationId }, clock: { now: () => now }, requestId: null }, {
    action: 'bench.generate',
    entityType: 'organisation',
    entityId: staffing.organisationId,
    details: { clients, seed: options.seed ?? 1 },
  });
  // Fresh statistics, so the first benchmark queries are planned as they would be in service.
  progress(0, 1, 'analyse');
  await sql`analyze`.execute(db);
  progress(1, 1, 'analyse');

  const bench = staffing.practitioners[benchIndex]!;
  const supervisor = staffing.practitioners[0]!;
  return {
    organisationId: staffing.organisationId,
    password: benchPassword,
    totpSecret,
    practitioners: staffing.practitioners.map((p) => ({ staffId: p.staffId, email: p.email })),
    admin: { staffId: staffing.admin.staffId, email: staffing.admin.email },
    benchPractitioner: { staffId: bench.staffId, email: bench.email, clientIds: benchClientIds },
    benchSupervisor: { staffId: supervisor.staffId, email: supervisor.email },
    benchClient: { clientId: benchClientIds[0]!, email: clientEmail(benchIndex * caseload, emailDomain) },
    counts,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
