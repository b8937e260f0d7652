import type { StaffRole } from '@tandem/domain';

/**
 * The demo organisation: invented people with invented histories, clearly labelled as demo data.
 * NHS numbers are from the 999 range, which NHS England reserves for testing.
 */
export const demoPassword = 'tandem demo passphrase';
export const demoOrganisationName = 'Tandem Demo Service (demo data — not real people)';

export interface DemoStaff {
  key: string;
  name: string;
  email: string;
  roles: StaffRole[];
}

export const demoStaff: DemoStaff[] = [
  { key: 'practitioner1', name: 'Priya Shah', email: 'priya.shah@demo.tandem.test', roles: ['practitioner'] },
  { key: 'practitioner2', name: 'Tom Reed', email: 'tom.reed@demo.tandem.test', roles: ['practitioner'] },
  { key: 'supervisor', name: 'Grace Okoro', email: 'grace.okoro@demo.tandem.test', roles: ['supervisor', 'practitioner'] },
  { key: 'admin', name: 'Sam Admin', email: 'admin@demo.tandem.test', roles: ['admin'] },
];

/** How a client's mood moves over the six weeks, as a function of day (0 = six weeks ago). */
export type MoodPattern = (day: number, random: () => number) => number;

export interface DemoClient {
  givenName: string;
  familyName: string;
  email: string;
  dateOfBirth: string;
  nhsNumber: string | null;
  practitioner: 'practitioner1' | 'practitioner2';
  /** Days (0–41) on which the client started using Tandem. */
  startDay: number;
  /** Chance of checking in on a given day; a second check-in in week one when `twiceInWeekOne`. */
  adherence: number;
  twiceInWeekOne: boolean;
  /** The last day with check-ins (41 = today), for someone who has gone quiet. */
  lastDay: number;
  pattern: MoodPattern;
  notes: string[];
}

const clamp = (x: number) => Math.min(10, Math.max(1, Math.round(x)));

export const demoClients: DemoClient[] = [
  {
    givenName: 'Alex',
    familyName: 'Morgan',
    email: 'alex.morgan@demo.tandem.test',
    dateOfBirth: '1991-06-14',
    nhsNumber: '9990000026',
    practitioner: 'practitioner1',
    startDay: 0,
    adherence: 0.9,
    twiceInWeekOne: true,
    lastDay: 41,
    // Getting better: from about 3 to about 7, with ordinary ups and downs.
    pattern: (day, random) => clamp(3 + (4 * day) / 41 + (random() - 0.5) * 2),
    notes: ['Went for a short walk', 'Slept badly', 'Called my sister', 'Did the activity plan', 'Felt a bit lighter today'],
  },
  {
    givenName: 'Jordan',
    familyName: 'Lee',
    email: 'jordan.lee@demo.tandem.test',
    dateOfBirth: '1984-11-02',
    nhsNumber: '9990000034',
    practitioner: 'practitioner1',
    startDay: 0,
    adherence: 0.75,
    twiceInWeekOne: false,
    lastDay: 41,
    // Steady at about 5.
    pattern: (_day, random) => clamp(5 + (random() - 0.5) * 2.5),
    notes: ['Busy day at work', 'Tired', 'OK day'],
  },
  {
    givenName: 'Sam',
    familyName: 'Patel',
    email: 'sam.patel@demo.tandem.test',
    dateOfBirth: '1999-03-21',
    nhsNumber: '9990000042',
    practitioner: 'practitioner1',
    startDay: 0,
    adherence: 0.85,
    twiceInWeekOne: true,
    lastDay: 41,
    // Steady, then lower over the last two weeks.
    pattern: (day, random) => clamp((day < 28 ? 6 : 6 - (3 * (day - 28)) / 13) + (random() - 0.5) * 1.5),
    notes: ['Hard week', 'Stayed in bed late', 'Could not face going out', 'Argument at home'],
  },
  {
    givenName: 'Chris',
    familyName: 'Walker',
    email: 'chris.walker@demo.tandem.test',
    dateOfBirth: '1976-08-30',
    nhsNumber: null,
    practitioner: 'practitioner1',
    startDay: 0,
    adherence: 0.45,
    twiceInWeekOne: false,
    lastDay: 32,
    // Up and down, and quiet for the last nine days.
    pattern: (_day, random) => clamp(2 + random() * 7),
    notes: ['Up and down', 'Good morning, bad evening'],
  },
  {
    givenName: 'Taylor',
    familyName: 'Brown',
    email: 'taylor.brown@demo.tandem.test',
    dateOfBirth: '2001-01-09',
    nhsNumber: '9990000050',
    practitioner: 'practitioner2',
    startDay: 31,
    adherence: 0.9,
    twiceInWeekOne: true,
    lastDay: 41,
    // New this fortnight, low but stable.
    pattern: (_day, random) => clamp(4 + (random() - 0.5) * 2),
    notes: ['First week with Tandem', 'Read the first step'],
  },
  {
    givenName: 'Riley',
    familyName: 'Evans',
    email: 'riley.evans@demo.tandem.test',
    dateOfBirth: '1968-05-17',
    nhsNumber: '9990000069',
    practitioner: 'practitioner2',
    startDay: 0,
    adherence: 0.8,
    twiceInWeekOne: true,
    lastDay: 41,
    // Mostly good.
    pattern: (day, random) => clamp(6.5 + Math.sin(day / 4) + (random() - 0.5) * 1.5),
    notes: ['Gardening', 'Saw friends', 'Quiet day'],
  },
];

/** A small seeded random generator (mulberry32), so the demo is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
