import { defaultMoodPromptSchedule, localDate, MoodPromptScheduleSchema } from '@tandem/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;

/**
 * A client's mood-prompt schedule: the stored one, or the default from the day they started using
 * Tandem (their account's activation, else the record's creation), in their time zone.
 */
export async function moodScheduleOf(db: Db, clientId: string) {
  const client = await db.selectFrom('client').select(['time_zone', 'created_at']).where('id', '=', clientId).executeTakeFirstOrThrow();
  const row = await db.selectFrom('mood_prompt_schedule').select(['schedule', 'version']).where('client_id', '=', clientId).executeTakeFirst();
  const account = await db.selectFrom('account').select('activated_at').where('client_id', '=', clientId).executeTakeFirst();
  const schedule = row ? MoodPromptScheduleSchema.parse(row.schedule) : defaultMoodPromptSchedule(localDate(account?.activated_at ?? client.created_at, client.time_zone));
  return { schedule, version: row?.version ?? 0, isDefault: !row, timeZone: client.time_zone };
}

