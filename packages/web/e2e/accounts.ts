import { randomUUID } from 'node:crypto';
import { expect, request, type APIRequestContext, type Page } from '@playwright/test';
import { bootstrapAdminApi, enrolByApi, finishSignIn, hasTwoStep, nextAppCode, nextSecondStep } from './two-step';

/**
 * People for the journeys, made through the real API. The first account is the admin that the
 * test server's start command makes with the real `tandem create-admin` (playwright.config.ts);
 * everyone else is invited by someone, as in real life, and accepts the invitation link found in
 * the development outbox (/dev/outbox: no SMTP in tests). Staff must use two-step sign-in: they set
 * up an authenticator app when they accept, and every sign-in here gives the second step
 * (e2e/two-step.ts holds their secrets).
 */
export const bootstrapAdmin = { email: 'admin@e2e.test', password: 'e2e admin passphrase ok' } as const;

/** A password long enough for the rules (15+ characters). */
export const goodPassword = 'kettle lantern pebble orchard';

let counter = 0;

/** A fresh, unique suffix: tests share one database and must not meet each other's people. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${(counter++).toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

export function uniqueEmail(label: string): string {
  return `${label}-${uniqueSuffix()}@e2e.test`;
}

/** A random valid NHS number (modulus 11 check digit): NHS numbers are unique per organisation. */
export function randomNhsNumber(): string {
  for (;;) {
    const digits = Array.from({ length: 9 }, () => Math.floor(Math.random() * 10));
    const sum = digits.reduce((total, digit, i) => total + digit * (10 - i), 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return `${digits.join('')}${check === 11 ? 0 : check}`;
  }
}

/** "9434765919" → "943 476 5919", as the app shows it. */
export function spacedNhsNumber(digits: string): string {
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

/** An API session of its own (its own cookies), sending Origin as the app's pages do. */
export async function apiSession(baseURL: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
}

/**
 * Signs in through the API, giving the code from the person's app when the server asks for it.
 * Pass `origin` for a page's own request context (page.request).
 */
export async function signInByApi(api: APIRequestContext, email: string, password: string, origin?: string): Promise<void> {
  const response = await api.post('/api/auth/sign-in', { data: { email, password }, ...(origin ? { headers: { origin } } : {}) });
  const status = response.status();
  expect([200, 202], `sign-in as ${email}: ${await response.text()}`).toContain(status);
  if (status === 202) await finishSignIn(api, new URL(response.url()).origin, email, await response.json());
}

const linkPattern = /https?:\/\/[^\s<"]+?\/(?:staff\/)?invite#[A-Za-z0-9_-]{43}/;

/** The invitation link in the newest email to `email` in an outbox page's HTML, if any. */
export function linkInOutbox(html: string, email: string): string | undefined {
  const article = html.split('<article>').find((part) => part.includes(`To: ${email} `));
  return article?.match(linkPattern)?.[0];
}

/** Waits for the invitation email to `email` to reach the development outbox; returns its link. */
export async function invitationLink(api: APIRequestContext, email: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const response = await api.get('/dev/outbox');
      link = linkInOutbox(await response.text(), email);
      return link;
    }, { message: `an invitation email to ${email} in /dev/outbox` })
    .toBeTruthy();
  return link!;
}

/** The same, read from the outbox page open in `page`. */
export async function invitationLinkOnPage(page: Page, email: string): Promise<string> {
  const link = linkInOutbox(await page.content(), email);
  expect(link, `an invitation email to ${email} on /dev/outbox`).toBeTruthy();
  return link!;
}

export function tokenOf(link: string): string {
  return link.slice(link.indexOf('#') + 1);
}

/**
 * Accepts an invitation through the API as `email`. Staff are then asked (202) to set up two-step
 * sign-in, which is done here with an authenticator secret the tests keep.
 */
export async function acceptInvitation(baseURL: string, link: string, email: string, body: { password: string; dateOfBirth?: string }): Promise<void> {
  const api = await apiSession(baseURL);
  try {
    const response = await api.post('/api/invitations/accept', { data: { token: tokenOf(link), ...body } });
    const status = response.status();
    expect([200, 202], `accepting an invitation: ${await response.text()}`).toContain(status);
    if (status === 202) await enrolByApi(api, baseURL, email);
  } finally {
    await api.dispose();
  }
}

export interface Person {
  email: string;
  password: string;
  name: string;
}

/** A member of staff with an active account, invited by the bootstrap admin. */
export async function createStaff(baseURL: string, roles: ('practitioner' | 'supervisor' | 'admin')[], name: string): Promise<Person> {
  const admin = await bootstrapAdminApi(baseURL, bootstrapAdmin);
  try {
    const email = uniqueEmail('staff');
    const response = await admin.post('/api/staff', { data: { id: randomUUID(), email, displayName: name, roles } });
    expect(response.status(), `inviting staff: ${await response.text()}`).toBe(201);
    await acceptInvitation(baseURL, await invitationLink(admin, email), email, { password: goodPassword });
    return { email, password: goodPassword, name };
  } finally {
    await admin.dispose();
  }
}

export interface ClientPerson extends Person {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
}

/**
 * A client with an active account: registered and invited by `practitioner`, invitation accepted,
 * and (unless `consent: false`) their consent recorded through the API as the client — so a
 * journey that signs them in lands on the home page, not the consent page of a first sign-in.
 */
export async function createClient(baseURL: string, practitioner: Person, givenName = 'Jo', { consent = true }: { consent?: boolean } = {}): Promise<ClientPerson> {
  const api = await apiSession(baseURL);
  try {
    await signInByApi(api, practitioner.email, practitioner.password);
    const id = randomUUID();
    const email = uniqueEmail('client');
    const familyName = `Client${uniqueSuffix()}`;
    const dateOfBirth = '1988-09-23';
    const registered = await api.post('/api/clients', { data: { id, givenName, familyName, dateOfBirth, email } });
    expect(registered.status(), `registering a client: ${await registered.text()}`).toBe(201);
    const invited = await api.post(`/api/clients/${id}/invitation`, { data: {} });
    expect(invited.status(), `inviting a client: ${await invited.text()}`).toBe(202);
    await acceptInvitation(baseURL, await invitationLink(api, email), email, { password: goodPassword, dateOfBirth });
    const person = { email, password: goodPassword, name: `${givenName} ${familyName}`, givenName, familyName, dateOfBirth };
    if (consent) await recordConsent(baseURL, person, id);
    return person;
  } finally {
    await api.dispose();
  }
}

/** As the client: agrees to use Tandem alongside sessions and to how messages work; no channels, no research. */
async function recordConsent(baseURL: string, client: Person, clientId: string): Promise<void> {
  const api = await signedInApi(baseURL, client);
  try {
    const { wordingVersion } = await (await api.get(`/api/clients/${clientId}/consent`)).json();
    const choices = { blendedTreatment: true, messagingUnderstood: true, channels: { email: false, sms: false, push: false }, research: false };
    const recorded = await api.post(`/api/clients/${clientId}/consent`, { data: { id: randomUUID(), wordingVersion, choices } });
    expect(recorded.status(), `recording consent: ${await recorded.text()}`).toBe(201);
  } finally {
    await api.dispose();
  }
}

/**
 * Signs in through the sign-in form on the page. For someone with two-step sign-in (staff), when
 * the password is right, also types the code from their app (or a recovery code) on the next page.
 */
export async function signInWithForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const origin = new URL(page.url()).origin;
  if (!hasTwoStep(origin, email)) return;
  const codeStep = page.getByRole('heading', { level: 1, name: 'Enter the code from your app' });
  const problem = page.getByText('There is a problem');
  await expect(codeStep.or(problem).first()).toBeVisible();
  if (!(await codeStep.isVisible())) return;
  await typeSecondStep(page, await nextSecondStep(origin, email));
}

/**
 * With the keyboard alone, after a staff password was sent: on the code page Tab reaches the code
 * field (the first thing after the skip link and the page's text); the code is typed and Enter
 * sends it.
 */
export async function typeAppCodeByKeyboard(page: Page, email: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Enter the code from your app' })).toBeVisible();
  const field = page.getByLabel('Code from your app');
  for (let presses = 0; presses < 4 && !(await field.evaluate((el) => el === document.activeElement)); presses++) await page.keyboard.press('Tab');
  await expect(field).toBeFocused();
  await page.keyboard.type(await nextAppCode(new URL(page.url()).origin, email));
  await page.keyboard.press('Enter');
}

/** On the code page: types a code from the app, or switches to a recovery code first; continues. */
export async function typeSecondStep(page: Page, step: { kind: 'app' | 'recovery'; code: string }): Promise<void> {
  if (step.kind === 'recovery') {
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(step.code);
  } else {
    await page.getByLabel('Code from your app').fill(step.code);
  }
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enter the code from your app' })).toBeHidden();
}

/** An API session signed in as `person` (dispose it when done). */
export async function signedInApi(baseURL: string, person: Person): Promise<APIRequestContext> {
  const api = await apiSession(baseURL);
  await signInByApi(api, person.email, person.password);
  return api;
}

export interface Referral {
  clientId: string;
  episodeId: string;
  /** The practitioner's own staff id (the referral is assigned to them). */
  staffId: string;
}

/** As `practitioner`: opens a referral for `client`, assigned to the practitioner, and makes it active. */
export async function openReferral(baseURL: string, practitioner: Person, client: ClientPerson): Promise<Referral> {
  const api = await signedInApi(baseURL, practitioner);
  try {
    const me = await (await api.get('/api/me')).json();
    const clients = (await (await api.get('/api/clients')).json()).clients as { id: string; familyName: string }[];
    const clientId = clients.find((c) => c.familyName === client.familyName)!.id;
    const episodeId = randomUUID();
    const opened = await api.post(`/api/clients/${clientId}/episodes`, {
      data: { id: episodeId, referralDate: new Date().toISOString().slice(0, 10), referralSource: 'gp', problemDescriptor: 'Depression', step: 'low_intensity', assignedPractitionerId: me.actor.staffId },
    });
    expect(opened.status(), `opening a referral: ${await opened.text()}`).toBe(201);
    const active = await api.post(`/api/episodes/${episodeId}/status`, { data: { status: 'active', version: 1 } });
    expect(active.status(), `starting treatment: ${await active.text()}`).toBe(200);
    return { clientId, episodeId, staffId: me.actor.staffId };
  } finally {
    await api.dispose();
  }
}

/**
 * As `practitioner`: books a 45-minute treatment appointment starting `hoursFromNow` hours from
 * now (negative: one that already happened, recorded as such). Returns its id.
 */
export async function bookTreatment(baseURL: string, practitioner: Person, episodeId: string, hoursFromNow: number): Promise<string> {
  const api = await signedInApi(baseURL, practitioner);
  try {
    const id = randomUUID();
    const startsAt = new Date(Math.round((Date.now() + hoursFromNow * 3600_000) / 60_000) * 60_000).toISOString();
    const booked = await api.post(`/api/episodes/${episodeId}/appointments`, {
      data: { id, startsAt, durationMinutes: 45, purpose: 'treatment', contactMethod: 'face_to_face', recordingPast: hoursFromNow < 0 },
    });
    expect(booked.status(), `booking an appointment: ${await booked.text()}`).toBe(201);
    return id;
  } finally {
    await api.dispose();
  }
}

/** The client's record id, as their practitioner's session finds it on the caseload. */
export async function clientIdOf(api: APIRequestContext, client: ClientPerson): Promise<string> {
  const clients = (await (await api.get('/api/clients')).json()).clients as { id: string; familyName: string }[];
  const found = clients.find((c) => c.familyName === client.familyName);
  expect(found, `${client.familyName} on the caseload`).toBeTruthy();
  return found!.id;
}

export interface CareSetUp {
  clientId: string;
  episodeId: string;
  appointmentId: string;
  /** The appointment's start (ISO). */
  startsAt: string;
}

/**
 * Puts `client` in care with `practitioner`, through the API as the practitioner would: a
 * referral (episode) made active, and one booked appointment `hoursAhead` from now — so the
 * questionnaires for it are due (from 72 hours before it). Treatment asks for PHQ-9 and GAD-7;
 * assessment for WSAS too.
 */
export async function bookSession(
  baseURL: string,
  practitioner: Person,
  client: ClientPerson,
  { purpose = 'treatment', hoursAhead = 24 }: { purpose?: 'assessment' | 'treatment'; hoursAhead?: number } = {},
): Promise<CareSetUp> {
  const api = await apiSession(baseURL);
  try {
    await signInByApi(api, practitioner.email, practitioner.password);
    const staffId = (await (await api.get('/api/me')).json()).actor.staffId as string;
    const clientId = await clientIdOf(api, client);
    const episodeId = randomUUID();
    const referralDate = new Date(Date.now() - 7 * 24 * 3600_000).toISOString().slice(0, 10);
    const opened = await api.post(`/api/clients/${clientId}/episodes`, {
      data: { id: episodeId, referralDate, referralSource: 'self', problemDescriptor: 'Low mood', step: 'low_intensity', assignedPractitionerId: staffId },
    });
    expect(opened.status(), `opening an episode: ${await opened.text()}`).toBe(201);
    const active = await api.post(`/api/episodes/${episodeId}/status`, { data: { status: 'active', version: 1 } });
    expect(active.status(), `starting treatment: ${await active.text()}`).toBe(200);
    const appointmentId = randomUUID();
    // A whole minute, so the time shown in words is predictable.
    const startsAt = new Date(Math.ceil((Date.now() + hoursAhead * 3600_000) / 60_000) * 60_000).toISOString();
    const booked = await api.post(`/api/episodes/${episodeId}/appointments`, {
      data: { id: appointmentId, startsAt, durationMinutes: 45, purpose, contactMethod: 'face_to_face' },
    });
    expect(booked.status(), `booking a session: ${await booked.text()}`).toBe(201);
    return { clientId, episodeId, appointmentId, startsAt };
  } finally {
    await api.dispose();
  }
}

/** Ends the client's care (discharge), as the practitioner would. */
export async function endCare(baseURL: string, practitioner: Person, care: Pick<CareSetUp, 'clientId' | 'episodeId'>): Promise<void> {
  const api = await apiSession(baseURL);
  try {
    await signInByApi(api, practitioner.email, practitioner.password);
    const episodes = (await (await api.get(`/api/clients/${care.clientId}/episodes`)).json()).episodes as { id: string; version: number }[];
    const episode = episodes.find((e) => e.id === care.episodeId)!;
    const episodeId = care.episodeId;
    // Yesterday (UTC): never in the future in the service's time zone.
    const endedOn = new Date(Date.now() - 24 * 3600_000).toISOString().slice(0, 10);
    const ended = await api.post(`/api/episodes/${episodeId}/discharge`, { data: { endingReason: 'completed', endedOn, version: episode.version, relapsePlanOffered: true } });
    expect(ended.status(), `discharge: ${await ended.text()}`).toBe(200);
  } finally {
    await api.dispose();
  }
}
