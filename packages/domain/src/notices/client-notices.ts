import { localDate } from '../checkins/mood';
import { inQuietHours, moodPromptsOn, type MoodPromptSchedule } from '../checkins/prompt-schedule';
import { zonedDateTimeToInstant, zonedParts } from '../time/zoned';

/**
 * How Tandem reaches a client between sessions (issue 10 item 3; decision 0032): each reminder,
 * mood prompt and message notice goes by ONE channel, so nothing arrives twice. A notification on
 * the phone when the client allowed push and has at least one device turned on ("Notifications on
 * this phone"); else an email when they allowed email; else nothing (the app still shows it). Push
 * first because the client set it up on the phone themself; email stays the fallback — on iPhone
 * web push works only once the app is on the home screen.
 */
export type NoticeChannel = 'push' | 'email';

export function noticeChannel(facts: { allowsPush: boolean; allowsEmail: boolean; devices: number }): NoticeChannel | null {
  if (facts.allowsPush && facts.devices > 0) return 'push';
  if (facts.allowsEmail) return 'email';
  return null;
}

type QuietHours = MoodPromptSchedule['quietHours'];

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * When the client's quiet hours end, if `now` falls inside them (their own wall-clock times in
 * their time zone; start included, end excluded, may run past midnight); null when it does not.
 * A notice due in quiet hours waits until then — every channel, every kind (issue 10 item 3).
 */
export function quietHoursEnd(now: Date, timeZone: string, quiet: QuietHours): Date | null {
  if (!quiet) return null;
  const p = zonedParts(now, timeZone);
  if (!inQuietHours(`${p.hour}:${p.minute}`, quiet)) return null;
  const today = localDate(now, timeZone);
  // Past midnight already (before the end) the end is today; before midnight it is tomorrow.
  const endDate = quiet.start > quiet.end && `${p.hour}:${p.minute}` >= quiet.start ? addDays(today, 1) : today;
  const end = zonedDateTimeToInstant(endDate, quiet.end, timeZone);
  // The end falls in a skipped hour (clocks going forward) and lands back inside: a minute later is fine.
  return end > now ? end : new Date(now.getTime() + 60_000);
}

/**
 * Mood prompts by email are at most one a day: the day's first prompt (Tandem's own choice, to keep
 * the burden down — up to six prompts a day suit a notification on the phone, not an inbox). A
 * prompt on the phone goes at every time the client chose.
 */
export function isFirstPromptOfDay(schedule: MoodPromptSchedule, at: Date, timeZone: string): boolean {
  const first = moodPromptsOn(schedule, localDate(at, timeZone), timeZone)[0];
  return first !== undefined && first.getTime() === at.getTime();
}

/** Whether `at` is still one of the schedule's prompts (a changed schedule drops the old ones). */
export function isScheduledPrompt(schedule: MoodPromptSchedule, at: Date, timeZone: string): boolean {
  return moodPromptsOn(schedule, localDate(at, timeZone), timeZone).some((p) => p.getTime() === at.getTime());
}

/**
 * No prompt when the client checked in this recently: asking "how are you feeling?" just after
 * they said is noise (Tandem's own choice, 60 minutes; to confirm with the clinical lead).
 */
export const moodPromptSkipAfterCheckInMs = 60 * 60_000;

/** The prompt email: nothing clinical (lock screens, shared inboxes; HAZ-046). */
export function moodPromptEmail(appUrl: string): { subject: string; text: string } {
  return {
    subject: 'A moment to check in',
    text:
      `How are you feeling today? When you have a moment, open Tandem to check in.\n\n` +
      `Open Tandem: ${appUrl}\n\n` +
      `You get this email because you agreed to hear from Tandem by email. You can change when we remind you in Tandem under "Reminders", ` +
      `or stop these emails under "Your choices".`,
  };
}
