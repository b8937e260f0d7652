import { defaultRiskPolicy, localDate, newId, zonedDateTimeToInstant, type Clock } from '@tandem/domain';
import type { Kysely } from 'kysely';
import { writeAudit } from '../audit/audit';
import type { Schema } from '../db/schema';
import { hashPassword } from '../modules/auth/secrets';
import { demoClients, demoOrganisationName, demoPassword, demoStaff, seededRandom } from './demo-data';
import { seedWorklistCases } from './seed-worklist';

export interface DemoSignIn {
  role: string;
  name: string;
  email: string;
}

export interface SeedResult {
  created: boolean;
  organisationName: string;
  password: string;
  signIns: DemoSignIn[];
}

const timeZone = 'Europe/London';
const days = 42;

function signIns(): DemoSignIn[] {
  return [
    ...demoClients.slice(0, 1).map((c) => ({ role: 'client', name: `${c.givenName} ${c.familyName}`, email: c.email })),
    ...demoStaff.map((s) => ({ role: s.roles.join(' + '), name: s.name, email: s.email })),
    ...demoClients.slice(1).map((c) => ({ role: 'client', name: `${c.givenName} ${c.familyName}`, email: c.email })),
  ];
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Seeds the clearly labelled demo organisation: one site, two practitioners, a supervisor (who
 * also practises), an admin and six clients with about six weeks of varied check-ins in the
 * organisation's time zone, ending at the clock's "now". Does nothing when a demo exists.
 */
export async function seedDemo(db: Kysely<Schema>, clock: Clock): Promise<SeedResult> {
  const result = { organisationName: demoOrganisationName, password: demoPassword, signIns: signIns() };
  const existing = await db.selectFrom('organisation').select('id').where('is_demo', '=', true).executeTakeFirst();
  if (existing) return { created: false, ...result };
  const passwordHash = await hashPassword(demoPassword);
  const now = clock.now();
  const random = seededRandom(20260302);
  await db.transaction().execute(async (trx) => {
    const organisationId = newId(now);
    await trx.insertInto('organisation').values({ id: organisationId, name: demoOrganisationName, time_zone: timeZone, is_demo: true, created_at: now }).execute();
    const siteId = newId(now);
    await trx.insertInto('site').values({ id: siteId, organisation_id: organisationId, name: 'Riverside Centre (demo)', time_zone: timeZone, created_at: now }).execute();
    const account = (id: string, email: string, person: { staffId?: string; clientId?: string }) => ({
      id,
      organisation_id: organisationId,
      actor_type: person.staffId ? ('staff' as const) : ('client' as const),
      staff_id: person.staffId ?? null,
      client_id: person.clientId ?? null,
      email,
      password_hash: passwordHash,
      status: 'active' as const,
      created_at: now,
      updated_at: now,
      activated_at: now,
    });

    const staffIds = new Map<string, string>();
    for (const s of demoStaff) {
      const id = newId(now);
      staffIds.set(s.key, id);
      await trx.insertInto('staff').values({ id, organisation_id: organisationId, display_name: s.name, roles: s.roles, time_zone: timeZone, created_at: now, updated_at: now }).execute();
      await trx.insertInto('staff_site').values({ staff_id: id, site_id: siteId }).execute();
      await trx.insertInto('account').values(account(newId(now), s.email, { staffId: id })).execute();
    }
    for (const practitioner of ['practitioner1', 'practitioner2']) {
      await trx
        .insertInto('supervision')
        .values({ supervisor_id: staffIds.get('supervisor')!, practitioner_id: staffIds.get(practitioner)!, organisation_id: organisationId, created_at: now })
        .execute();
    }

    // Service hours (weekdays 09:00–17:00), Grace Okoro as site lead and the named escalation
    // person, and Tom Reed on duty in opening hours for the next five weeks: alerts route for real.
    const nineToFive = [{ opens: '09:00', closes: '17:00' }];
    const weekly = { monday: nineToFive, tuesday: nineToFive, wednesday: nineToFive, thursday: nineToFive, friday: nineToFive };
    const lead = staffIds.get('supervisor')!;
    await trx.insertInto('site_hours').values({ site_id: siteId, weekly: JSON.stringify(weekly), site_lead_staff_id: lead, updated_by: null, updated_at: now }).execute();
    const rota = [];
    for (let day = 0; day < 35; day++) {
      const date = localDate(new Date(now.getTime() + day * 24 * 3600_000), timeZone);
      const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const startsAt = zonedDateTimeToInstant(date, '09:00', timeZone);
      rota.push({ id: newId(startsAt), site_id: siteId, staff_id: staffIds.get('practitioner2')!, starts_at: startsAt, ends_at: zonedDateTimeToInstant(date, '17:00', timeZone), created_by: null, created_at: now });
    }
    await trx.insertInto('duty_period').values(rota).execute();
    await trx
      .insertInto('risk_policy')
      .values({ organisation_id: organisationId, policy: JSON.stringify({ ...defaultRiskPolicy, escalationStaffId: lead }), version: 1, updated_by: null, updated_at: now })
      .execute();

    for (const c of demoClients) {
      const clientId = newId(now);
      const practitionerId = staffIds.get(c.practitioner)!;
      await trx
        .insertInto('client')
        .values({
          id: clientId,
          organisation_id: organisationId,
          site_id: siteId,
          given_name: c.givenName,
          family_name: c.familyName,
          date_of_birth: c.dateOfBirth,
          nhs_number: c.nhsNumber,
          email: c.email,
          phone: null,
          gp_practice: 'Riverside Medical Practice (demo)',
          emergency_contact: null,
          time_zone: timeZone,
          created_by: practitionerId,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await trx.insertInto('care_team_member').values({ client_id: clientId, staff_id: practitionerId, organisation_id: organisationId, added_by: practitionerId, added_at: now }).execute();
      await trx.insertInto('account').values(account(newId(now), c.email, { clientId })).execute();

      const checkIns = [];
      for (let day = c.startDay; day <= c.lastDay; day++) {
        const date = localDate(new Date(now.getTime() - (days - 1 - day) * 24 * 3600_000), timeZone);
        const times: number[] = [];
        if (random() < c.adherence) times.push(8 * 60 + Math.floor(random() * 90));
        if (c.twiceInWeekOne && day - c.startDay < 7 && random() < c.adherence) times.push(19 * 60 + Math.floor(random() * 120));
        for (const minutes of times) {
          const recordedAt = zonedDateTimeToInstant(date, hhmm(minutes), timeZone);
          if (recordedAt > now) continue;
          const note = random() < 0.3 ? c.notes[Math.floor(random() * c.notes.length)]! : null;
          checkIns.push({
            id: newId(recordedAt),
            organisation_id: organisationId,
            client_id: clientId,
            mood: c.pattern(day, random),
            note,
            recorded_at: recordedAt,
            received_at: new Date(recordedAt.getTime() + 2_000),
          });
        }
      }
      if (checkIns.length) await trx.insertInto('check_in').values(checkIns).execute();
    }
    await writeAudit(trx, { actor: { type: 'system', component: 'demo:seed', organisationId }, clock, requestId: null }, {
      action: 'demo.seed',
      entityType: 'organisation',
      entityId: organisationId,
      details: { clients: demoClients.length },
    });
  });
  await seedWorklistCases(db, clock);
  return { created: true, ...result };
}

/** The demo sign-ins as lines for a terminal. */
export function formatDemoSignIns(result: SeedResult): string {
  const width = Math.max(...result.signIns.map((s) => s.role.length));
  return [
    `Demo organisation: ${result.organisationName}`,
    'Sign in at /  (clients, best on a phone-sized window) or /staff/  (staff) with:',
    ...result.signIns.map((s) => `  ${s.role.padEnd(width)}  ${s.email.padEnd(32)} ${s.name}`),
    `  password for every demo account: ${result.password}`,
    'Staff set up two-step sign-in at their first sign-in: any authenticator app that reads a QR code works.',
  ].join('\n');
}
