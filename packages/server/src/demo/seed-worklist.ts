import {
  AcknowledgeAlertRequestSchema,
  BookAppointmentRequestSchema,
  ChangeAppointmentStatusRequestSchema,
  ChangeEpisodeStatusRequestSchema,
  CreateEpisodeRequestSchema,
  localDate,
  newId,
  RecordResponseRequestSchema,
  SaveExerciseEntryRequestSchema,
  SetHomeworkRequestSchema,
  zonedDateTimeToInstant,
  type Actor,
  type Clock,
} from '@tandem/domain';
import type { Kysely } from 'kysely';
import { loadConfig } from '../config/config';
import { loadCheckedProgramme } from '../content/programme-files';
import type { ServiceContext } from '../context';
import type { Schema } from '../db/schema';
import { createMailer } from '../email/mailer';
import { bookAppointment, changeAppointmentStatus } from '../modules/episodes/appointments.service';
import { changeEpisodeStatus, createEpisode } from '../modules/episodes/episodes.service';
import { saveEntry } from '../modules/exercises/exercises.service';
import { setHomework } from '../modules/homework/homework.service';
import { recordResponse } from '../modules/questionnaires/questionnaires.service';
import { acknowledgeAlert, requestHelp } from '../modules/risk/risk.service';

const hour = 3600_000;
const day = 24 * hour;
const timeZone = 'Europe/London';

/** A clock `offsetMs` before the real one: writes dated in the past go through the same services. */
const earlier = (clock: Clock, offsetMs: number): Clock => ({ now: () => new Date(clock.now().getTime() - offsetMs) });

/**
 * Gives each of the demo practitioner's (Priya Shah's) clients worklist reasons, written through
 * the services with the injected clock (moved back where a fact lies in the past), so the demo
 * shows every reason (worklist.ts):
 * - Sam Patel: asked for help an hour ago (an open risk alert), and PHQ-9 8 → 15 (reliable deterioration);
 * - Jordan Lee: asked for help three days ago (acknowledged), then missed yesterday's appointment
 *   (a follow-up task), and has a session tomorrow;
 * - Alex Morgan: a session today, and a shared goals entry waiting for feedback;
 * - Chris Walker: quiet since his last check-in ten days ago (no activity), homework due two days ago not done.
 * Tom Reed's clients have no referral here: the worklist lists them with no reason, last.
 */
export async function seedWorklistCases(db: Kysely<Schema>, clock: Clock): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'development', SEED_DEMO: 'never' });
  const mailer = createMailer({ smtpUrl: undefined, from: config.mailFrom, production: false });
  const programme = await loadCheckedProgramme(config.contentDir);
  try {
    const org = await db.selectFrom('organisation').select('id').where('is_demo', '=', true).executeTakeFirstOrThrow();
    const priya = await db
      .selectFrom('staff as s')
      .innerJoin('account as a', 'a.staff_id', 's.id')
      .select(['s.id', 's.roles', 'a.id as accountId'])
      .where('a.email', '=', 'priya.shah@demo.tandem.test')
      .executeTakeFirstOrThrow();
    const clients = await db
      .selectFrom('client as c')
      .innerJoin('account as a', 'a.client_id', 'c.id')
      .select(['c.id', 'c.family_name', 'a.id as accountId'])
      .where('c.organisation_id', '=', org.id)
      .execute();
    const clientOf = (familyName: string) => clients.find((c) => c.family_name === familyName)!;
    const staffActor: Actor = { type: 'staff', accountId: priya.accountId, staffId: priya.id, organisationId: org.id, roles: priya.roles };
    const ctx = (actor: Actor, at: Clock = clock): ServiceContext => ({ actor, db, clock: at, requestId: null as unknown as string, config, mailer });
    const asStaff = (at?: Clock) => ctx(staffActor, at);
    const asClient = (familyName: string, at?: Clock) => {
      const c = clientOf(familyName);
      return ctx({ type: 'client', accountId: c.accountId, clientId: c.id, organisationId: org.id }, at);
    };
    const now = clock.now();
    const monthAgo = earlier(clock, 30 * day);

    const episodes = new Map<string, string>();
    for (const familyName of ['Patel', 'Lee', 'Morgan', 'Walker']) {
      const id = newId(monthAgo.now());
      const referralDate = localDate(new Date(now.getTime() - 35 * day), timeZone);
      const episode = await createEpisode(asStaff(monthAgo), clientOf(familyName).id, CreateEpisodeRequestSchema.parse({
        id, referralDate, referralSource: 'gp', problemDescriptor: 'Low mood (demo)', step: 'low_intensity', assignedPractitionerId: priya.id,
      }));
      await changeEpisodeStatus(asStaff(monthAgo), id, ChangeEpisodeStatusRequestSchema.parse({ status: 'active', version: episode.version }));
      episodes.set(familyName, id);
    }
    const book = async (familyName: string, startsAt: Date, at: Clock = clock) =>
      bookAppointment(asStaff(at), episodes.get(familyName)!, BookAppointmentRequestSchema.parse({
        id: newId(at.now()), startsAt: startsAt.toISOString(), durationMinutes: 35, purpose: 'treatment', contactMethod: 'face_to_face', recordingPast: startsAt <= at.now(),
      }));
    const phq9 = (total: number) => Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9-${i + 1}`, i === 8 ? 0 : Math.min(3, Math.max(0, total - 3 * i))]));

    // Sam Patel: PHQ-9 8 three weeks ago, 15 three days ago (a rise of 7: reliable deterioration), then "I need help now".
    for (const [total, ago] of [[8, 21 * day], [15, 3 * day]] as const) {
      const at = earlier(clock, ago);
      await recordResponse(asStaff(at), clientOf('Patel').id, RecordResponseRequestSchema.parse({
        id: newId(at.now()), instrumentId: 'phq9', answers: phq9(total), authoredAt: at.now().toISOString(), source: 'in_session',
      }));
    }
    await requestHelp(asClient('Patel'), { id: newId(now), recordedAt: new Date(now.getTime() - hour).toISOString() });

    // Jordan Lee: help asked and acknowledged three days ago; yesterday's appointment missed; a session tomorrow.
    const threeDaysAgo = earlier(clock, 3 * day);
    const help = newId(threeDaysAgo.now());
    await requestHelp(asClient('Lee', threeDaysAgo), { id: help, recordedAt: threeDaysAgo.now().toISOString() });
    await acknowledgeAlert(asStaff(earlier(clock, 3 * day - hour)), help, AcknowledgeAlertRequestSchema.parse({ version: 1, note: 'Phoned Jordan; safety plan reviewed (demo).' }));
    const missed = await book('Lee', new Date(now.getTime() - day), earlier(clock, 2 * day));
    await changeAppointmentStatus(asStaff(earlier(clock, day - hour)), missed.id, ChangeAppointmentStatusRequestSchema.parse({ status: 'did_not_attend', version: missed.version }));
    const tomorrow = localDate(new Date(now.getTime() + day), timeZone);
    await book('Lee', zonedDateTimeToInstant(tomorrow, '10:00', timeZone));

    // Alex Morgan: a session later today (or earlier today, late in the evening), and a shared entry.
    const soon = new Date(Math.ceil((now.getTime() + hour) / (15 * 60_000)) * 15 * 60_000);
    const today = localDate(now, timeZone);
    await book('Morgan', localDate(soon, timeZone) === today ? soon : zonedDateTimeToInstant(today, '08:00', timeZone), earlier(clock, 7 * day));
    await saveEntry(asClient('Morgan'), newId(now), SaveExerciseEntryRequestSchema.parse({
      exercise: 'goals', moduleId: 'understanding-depression', stepId: null, contentVersion: null, status: 'submitted', shared: true,
      data: { goals: [{ text: 'Walk to the park with my sister twice a week', progress: 3 }] }, recordedAt: new Date(now.getTime() - 2 * hour).toISOString(),
    }));

    // Chris Walker: homework set six days ago, due two days ago, not done; the session it leads to is in two days.
    const sixDaysAgo = earlier(clock, 6 * day);
    const ahead = await book('Walker', zonedDateTimeToInstant(localDate(new Date(now.getTime() + 2 * day), timeZone), '11:00', timeZone), sixDaysAgo);
    await setHomework(asStaff(sixDaysAgo), programme, episodes.get('Walker')!, SetHomeworkRequestSchema.parse({
      id: newId(sixDaysAgo.now()),
      appointmentId: ahead.id,
      items: [{ kind: 'step', moduleId: 'understanding-depression', stepId: 'what-depression-is' }],
      dueOn: localDate(new Date(now.getTime() - 2 * day), timeZone),
    }));
  } finally {
    mailer.close();
  }
}
