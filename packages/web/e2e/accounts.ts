import { randomUUID } from 'node:crypto';
import { expect, request, type APIRequestContext, type Page } from '@playwright/test';

/**
 * People for the journeys, made through the real API. The first account is the admin that the
 * test server's start command makes with the real `tandem create-admin` (playwright.config.ts);
 * everyone else is invited by someone, as in real life, and accepts the invitation link found in
 * the development outbox (/dev/outbox: no SMTP in tests).
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

/** Signs in through the API. Pass `origin` for a page's own request context (page.request). */
export async function signInByApi(api: APIRequestContext, email: string, password: string, origin?: string): Promise<void> {
  const response = await api.post('/api/auth/sign-in', { data: { email, password }, ...(origin ? { headers: { origin } } : {}) });
  expect(response.status(), `sign-in as ${email}: ${await response.text()}`).toBe(200);
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

async function accept(baseURL: string, link: string, body: { password: string; dateOfBirth?: string }): Promise<void> {
  const api = await apiSession(baseURL);
  try {
    const response = await api.post('/api/invitations/accept', { data: { token: tokenOf(link), ...body } });
    expect(response.status(), `accepting an invitation: ${await response.text()}`).toBe(200);
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
  const admin = await apiSession(baseURL);
  try {
    await signInByApi(admin, bootstrapAdmin.email, bootstrapAdmin.password);
    const email = uniqueEmail('staff');
    const response = await admin.post('/api/staff', { data: { id: randomUUID(), email, displayName: name, roles } });
    expect(response.status(), `inviting staff: ${await response.text()}`).toBe(201);
    await accept(baseURL, await invitationLink(admin, email), { password: goodPassword });
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

/** A client with an active account: registered and invited by `practitioner`, invitation accepted. */
export async function createClient(baseURL: string, practitioner: Person, givenName = 'Jo'): Promise<ClientPerson> {
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
    await accept(baseURL, await invitationLink(api, email), { password: goodPassword, dateOfBirth });
    return { email, password: goodPassword, name: `${givenName} ${familyName}`, givenName, familyName, dateOfBirth };
  } finally {
    await api.dispose();
  }
}

/** Signs in through the sign-in form on the page. */
export async function signInWithForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
