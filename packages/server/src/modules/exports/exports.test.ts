import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consentWordingVersion, newId, researchFiles, serviceContactColumns, serviceMeasureColumns, serviceReferralColumns } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff } from '../../test/factories';
import { sessionOf } from '../../test/sessions';
import { createTestApp, type TestApp } from '../../test/test-app';
import { readZip } from './zip';

// HAZ-108 (re-identification from a research export) and HAZ-109 (a miscoded contact or measure).
// The test clock starts on Monday 2026-03-02 at 09:00 UTC. Every client's records lie in one
// 11-day window (2025-06-02 … 2025-06-12); a research shift is at least 14 days, so no shifted
// date can fall on any real date of any client (BRIEF: "a test scans it").
let t: TestApp;
type Staff = Awaited<ReturnType<typeof makeStaff>>;
type Client = Awaited<ReturnType<typeof makeClient>>;
const w = {} as { org: string; orgB: string; admin: Staff; adminB: Staff; s1: Staff; p1: Staff; clients: Record<string, Client> };
const range = 'from=2025-06-01&to=2026-02-28';
const windowDays = Array.from({ length: 11 }, (_, i) => `2025-06-${String(i + 2).padStart(2, '0')}`);

/** The free text every seeded client wrote somewhere (a referral's problem, a check-in note, an exercise). */
const freeText = (name: string) => ({ problem: `Problem of ${name} after the flood`, note: `Note by ${name}: slept badly`, entry: `Entry by ${name}: walked the dog` });

function answers(instrumentId: 'phq9' | 'gad7', total: number): Record<string, number> {
  const count = instrumentId === 'phq9' ? 9 : 7;
  const out: Record<string, number> = {};
  let left = total;
  // Item 9 of the PHQ-9 stays 0 (a positive answer would start the risk pathway).
  for (let i = 1; i <= count; i++) {
    const v = instrumentId === 'phq9' && i === 9 ? 0 : Math.min(3, left);
    out[`${instrumentId}-${i}`] = v;
    left -= v;
  }
  return out;
}

async function ok(res: Promise<{ statusCode: number; body: string; json(): unknown }>) {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${r.statusCode}: ${r.body}`);
  return r.json() as Record<string, unknown>;
}

/** A referral through the API: two attended treatment sessions with scores, one missed, discharged; a check-in and an exercise entry in the database. */
async function seedClient(client: Client, name: string, hour: number, scores: { phq9: [number, number]; gad7: [number, number] }) {
  const p = await sessionOf(t, w.p1);
  const text = freeText(name);
  const episodeId = newId(t.clock.now());
  await ok(p.post(`/api/clients/${client.id}/episodes`, { id: episodeId, referralDate: '2025-06-02', referralSource: 'gp', problemDescriptor: text.problem, step: 'low_intensity', assignedPractitionerId: w.p1.id }));
  await ok(p.post(`/api/episodes/${episodeId}/status`, { status: 'active', version: 1 }));
  const hh = String(hour).padStart(2, '0');
  for (const [i, day] of ['2025-06-04', '2025-06-11'].entries()) {
    const id = newId(t.clock.now());
    const startsAt = `${day}T${hh}:00:00Z`;
    const booked = await ok(p.post(`/api/episodes/${episodeId}/appointments`, { id, startsAt, durationMinutes: 35, purpose: 'treatment', contactMethod: i === 0 ? 'face_to_face' : 'video', recordingPast: true }));
    await ok(p.post(`/api/appointments/${id}/status`, { status: 'attended', version: booked.version }));
    for (const instrumentId of ['phq9', 'gad7'] as const) {
      await ok(
        p.post(`/api/clients/${client.id}/questionnaire-responses`, {
          id: newId(t.clock.now()),
          instrumentId,
          appointmentId: id,
          answers: answers(instrumentId, scores[instrumentId][i]!),
          authoredAt: new Date(Date.parse(startsAt) + 10 * 60_000).toISOString(),
          source: 'in_session',
        }),
      );
    }
  }
  const missed = newId(t.clock.now());
  const booked = await ok(p.post(`/api/episodes/${episodeId}/appointments`, { id: missed, startsAt: `2025-06-09T${hh}:00:00Z`, durationMinutes: 35, purpose: 'treatment', contactMethod: 'phone', recordingPast: true }));
  await ok(p.post(`/api/appointments/${missed}/status`, { status: 'did_not_attend', version: booked.version }));
  await ok(p.post(`/api/episodes/${episodeId}/discharge`, { endingReason: 'completed', endedOn: '2025-06-12', version: 2, relapsePlanOffered: true }));

  const db = t.database.db;
  const at = new Date('2025-06-05T18:00:00Z');
  await db.insertInto('check_in').values({ id: newId(at), organisation_id: w.org, client_id: client.id, mood: 4, note: text.note, recorded_at: at, received_at: at }).execute();
  const entryAt = new Date('2025-06-06T12:00:00Z');
  const entryId = newId(entryAt);
  const data = JSON.stringify({ situation: text.entry });
  await db
    .insertInto('exercise_entry')
    .values({ id: entryId, organisation_id: w.org, client_id: client.id, exercise: 'thought-record', module_id: null, step_id: null, content_version: null, status: 'submitted', shared: true, data, revision: 1, recorded_at: entryAt, received_at: entryAt, created_at: entryAt, first_submitted_at: entryAt })
    .execute();
  return episodeId;
}

async function consent(client: Client, research: boolean, at: Date) {
  const choices = JSON.stringify({ blendedTreatment: true, messagingUnderstood: true, channels: { email: true, sms: false, push: false }, research });
  await t.database.db
    .insertInto('consent_record')
    .values({ id: newId(at), organisation_id: client.organisationId, client_id: client.id, wording_version: consentWordingVersion, choices, recorded_at: at, recorded_by_type: 'client', recorded_by_id: client.id })
    .execute();
}

/** RFC 4180 cells (quoted fields, doubled quotes, CRLF rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

async function download(as: Staff, kind: 'service-system' | 'research', query = range) {
  const s = await sessionOf(t, as);
  return s.get(`/api/exports/${kind}.zip?${query}`);
}

function filesOf(res: { rawPayload: Buffer }) {
  return Object.fromEntries(readZip(res.rawPayload).map((f) => [f.name, parseCsv(f.content)]));
}

const people: Record<string, { dob: string; nhs: string; given: string; family: string }> = {
  consenting: { dob: '1985-03-14', nhs: '9434765919', given: 'Zephyrine', family: 'Quillfeather' },
  second: { dob: '1999-11-30', nhs: '4010232137', given: 'Orsolya', family: 'Blackwater' },
  withdrew: { dob: '1972-07-21', nhs: '9876543210', given: 'Marisol', family: 'Thistlewood' },
  never: { dob: '1968-01-09', nhs: '9990001112', given: 'Evander', family: 'Pennyworth' },
  restricted: { dob: '1979-05-25', nhs: '9990003336', given: 'Ludovica', family: 'Ashgrove' },
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const now = t.clock.now();
  const a = await makeOrganisation(db, now, 'Exports A');
  const b = await makeOrganisation(db, now, 'Exports B');
  w.org = a.id;
  w.orgB = b.id;
  w.admin = await makeStaff(db, now, a.id, ['admin']);
  w.adminB = await makeStaff(db, now, b.id, ['admin']);
  w.s1 = await makeStaff(db, now, a.id, ['supervisor']);
  w.p1 = await makeStaff(db, now, a.id, ['practitioner'], { supervisorId: w.s1.id });
  w.clients = {};
  let hour = 8;
  for (const [key, p] of Object.entries(people)) {
    const client = await makeClient(db, now, a.id, [w.p1.id], { dateOfBirth: p.dob, nhsNumber: p.nhs, givenName: p.given, familyName: p.family });
    w.clients[key] = client;
    await seedClient(client, p.given, hour++, key === 'second' ? { phq9: [9, 8], gad7: [6, 6] } : { phq9: [15, 6], gad7: [10, 5] });
  }
  const c = w.clients;
  await consent(c.consenting!, true, new Date('2025-05-01T10:00:00Z'));
  await consent(c.second!, false, new Date('2025-05-01T10:00:00Z'));
  await consent(c.second!, true, new Date('2025-05-02T10:00:00Z'));
  await consent(c.withdrew!, true, new Date('2025-05-01T10:00:00Z'));
  await consent(c.withdrew!, false, new Date('2025-07-01T10:00:00Z'));
  await consent(c.restricted!, true, new Date('2025-05-01T10:00:00Z'));
  await db
    .insertInto('processing_restriction')
    .values({ id: newId(now), client_id: c.restricted!.id, organisation_id: a.id, requested_at: now, restricted_at: now, restricted_by: w.admin.id, reason: 'Asked to be removed', lifted_at: null, lifted_by: null, lift_reason: null })
    .execute();
}, 240_000);
afterAll(() => t.close());

describe('research export', () => {
  it('holds only the clients whose latest consent says yes and whose processing is not restricted, and nothing that identifies anyone', async () => {
    const res = await download(w.s1, 'research');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="tandem-research-2025-06-01-to-2026-02-28\.zip"$/);
    const files = filesOf(res);
    expect(Object.keys(files)).toEqual(Object.keys(researchFiles));
    for (const [name, rows] of Object.entries(files)) expect(rows[0], name).toEqual([...researchFiles[name as keyof typeof researchFiles]]);
    // Two clients: "consenting" and "second" (who said no, then yes). Not "withdrew", "never" or "restricted".
    expect(new Set(files['episodes.csv']!.slice(1).map((r) => r[0])).size).toBe(2);
    expect(files['engagement.csv']!.length - 1).toBe(2);

    const forbidden: string[] = [];
    for (const [key, p] of Object.entries(people)) {
      const client = w.clients[key]!;
      const [y, m, d] = p.dob.split('-');
      const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
      const month = months[Number(m) - 1]!;
      forbidden.push(p.given, p.family, client.email, p.nhs, `${p.nhs.slice(0, 3)} ${p.nhs.slice(3, 6)} ${p.nhs.slice(6)}`, client.id);
      forbidden.push(p.dob, `${d}/${m}/${y}`, `${m}/${d}/${y}`, `${d}-${m}-${y}`, `${d}.${m}.${y}`, `${y}${m}${d}`, `${Number(d)} ${month} ${y}`, `${Number(d)} ${month.slice(0, 3)} ${y}`);
      forbidden.push(...Object.values(freeText(p.given)));
    }
    const episodeIds = (await t.database.db.selectFrom('episode').select('id').where('organisation_id', '=', w.org).execute()).map((e) => e.id);
    forbidden.push(...episodeIds);
    for (const [name, rows] of Object.entries(files)) {
      for (const cell of rows.flat()) {
        for (const bad of forbidden) expect(cell.toLowerCase().includes(bad.toLowerCase()), `${name}: "${cell}" contains "${bad}"`).toBe(false);
        // No date equal to a real date of any client's records, nor a date of birth.
        if (/^\d{4}-\d{2}-\d{2}$/.test(cell)) expect([...windowDays, ...Object.values(people).map((p) => p.dob)], `${name}: ${cell}`).not.toContain(cell);
      }
    }
  });

  it('keeps each client’s intervals and day of the week, and links their rows by one pseudonym that changes between exports', async () => {
    const first = filesOf(await download(w.admin, 'research'));
    const second = filesOf(await download(w.admin, 'research'));
    const days = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
    for (const files of [first, second]) {
      for (const episode of files['episodes.csv']!.slice(1)) {
        const [clientP, episodeP, band, , , , referral, ended] = episode;
        expect(['35-44', '25-34']).toContain(band);
        // Referral 2025-06-02 (a Monday), ended 2025-06-12: 10 days, whatever the shift.
        expect(days(ended!) - days(referral!)).toBe(10);
        expect(new Date(`${referral}T00:00:00Z`).getUTCDay()).toBe(1);
        const appointments = files['appointments.csv']!.filter((r) => r[0] === clientP && r[1] === episodeP);
        expect(appointments.map((r) => days(r[2]!) - days(referral!))).toEqual([2, 7, 9]);
        expect(appointments.map((r) => r[5])).toEqual(['attended', 'did_not_attend', 'attended']);
        const checkIns = files['check_ins.csv']!.filter((r) => r[0] === clientP);
        expect(checkIns.map((r) => [days(r[1]!) - days(referral!), r[2]])).toEqual([[3, '4']]);
        expect(files['engagement.csv']!.find((r) => r[0] === clientP)).toEqual([clientP, '0', '1', '0', '0']);
      }
    }
    const pseudonyms = (files: typeof first) => new Set(files['episodes.csv']!.slice(1).map((r) => r[0]));
    expect([...pseudonyms(first)].some((p) => pseudonyms(second).has(p))).toBe(false);
  });

  it('gives questionnaire totals and items, and the outcome flags as the outcomes count them', async () => {
    const files = filesOf(await download(w.s1, 'research'));
    const header = files['questionnaires.csv']![0]!;
    const rows = files['questionnaires.csv']!.slice(1);
    expect(rows).toHaveLength(8);
    for (const row of rows) {
      const items = row.slice(header.indexOf('item_1')).filter((v) => v !== '').map(Number);
      expect(items.reduce((a, b) => a + b, 0)).toBe(Number(row[header.indexOf('total')]));
      expect(items).toHaveLength(row[2] === 'phq9' ? 9 : 7);
    }
    const flags = files['episodes.csv']!.slice(1).map((r) => r.slice(10).join(' ')).sort();
    // "consenting" 15→6 / 10→5: recovered, reliably improved; "second" 9→8 / 6→6: not at caseness.
    expect(flags).toEqual(['Y N N N N N', 'Y Y Y Y N Y']);
  });

  it('refuses practitioners and audits the refusal; audits the export with counts, never the data', async () => {
    const res = await download(w.p1, 'research');
    expect(res.statusCode).toBe(403);
    const rows = await t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'export.research').orderBy('seq').execute();
    expect(rows.some((r) => r.outcome === 'denied' && r.actor_id === w.p1.id)).toBe(true);
    const done = rows.filter((r) => r.outcome === 'success' && r.actor_id === w.s1.id).at(-1)!;
    expect(done.details).toMatchObject({ from: '2025-06-01', to: '2026-02-28', clients: 2, episodes: 2, freeText: false });
    expect([...done.subject_ids!].sort()).toEqual([w.clients.consenting!.id, w.clients.second!.id].sort());
    expect(JSON.stringify(done.details)).not.toMatch(/Zephyrine|Quillfeather|1985/);
  });

  it('answers another organisation’s admin with their own organisation only (empty here)', async () => {
    const files = filesOf(await download(w.adminB, 'research'));
    for (const rows of Object.values(files)) expect(rows).toHaveLength(1);
  });
});

describe('service-system export', () => {
  it('codes contacts and pairs measures per referral, for the organisation’s admins', async () => {
    const res = await download(w.admin, 'service-system');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toBe('attachment; filename="tandem-service-system-2025-06-01-to-2026-02-28.zip"');
    const files = filesOf(res);
    expect(Object.keys(files)).toEqual(['referrals.csv', 'contacts.csv', 'measures.csv']);
    expect(files['referrals.csv']![0]).toEqual([...serviceReferralColumns]);
    expect(files['contacts.csv']![0]).toEqual([...serviceContactColumns]);
    expect(files['measures.csv']![0]).toEqual([...serviceMeasureColumns]);
    // Everyone but the restricted client: research consent does not matter here.
    const referrals = files['referrals.csv']!.slice(1);
    expect(referrals.map((r) => r[1]).sort()).toEqual(['consenting', 'second', 'withdrew', 'never'].map((k) => w.clients[k]!.id).sort());
    const mine = w.clients.consenting!;
    const contacts = files['contacts.csv']!.slice(1).filter((r) => r[2] === mine.id);
    const col = (name: (typeof serviceContactColumns)[number]) => serviceContactColumns.indexOf(name);
    expect(contacts.map((r) => [r[col('CareContDate')], r[col('CareContTime')], r[col('AppType')], r[col('ConsMechanism')], r[col('AttendOrDNACode')], r[col('ClinContDurOfCareCont')], r[col('NHSNumber')]])).toEqual([
      ['2025-06-04', '09:00:00', '02', '01', '5', '35', '9434765919'],
      ['2025-06-09', '09:00:00', '02', '02', '3', '', '9434765919'],
      ['2025-06-11', '09:00:00', '02', '11', '5', '35', '9434765919'],
    ]);
    const measures = files['measures.csv']!.slice(1).filter((r) => r[1] === mine.id);
    expect(measures.map((r) => r.slice(3))).toEqual([
      ['720433000', 'PHQ-9', '2', '15', '2025-06-04', '6', '2025-06-11', 'Y'],
      ['445455005', 'GAD-7', '2', '10', '2025-06-04', '5', '2025-06-11', 'Y'],
    ]);
    const referral = referrals.find((r) => r[1] === mine.id)!;
    expect(referral.slice(3)).toEqual(['2025-06-02', '2025-06-12', 'low_intensity', 'ended', 'completed', '2', 'Y', 'Y', 'Y', 'Y', 'N', 'Y']);
    // No free text: the referral's problem and the client's words are not part of this export either.
    const all = Object.values(files).flat(2).join('\n');
    for (const text of Object.values(freeText(people.consenting!.given))) expect(all).not.toContain(text);
  });

  it('is a zip the ordinary unzip tool reads', async () => {
    const res = await download(w.admin, 'service-system');
    const dir = mkdtempSync(join(tmpdir(), 'tandem-export-'));
    writeFileSync(join(dir, 'export.zip'), res.rawPayload);
    expect(execFileSync('unzip', ['-t', join(dir, 'export.zip')]).toString()).toMatch(/No errors detected/);
  });

  it('refuses supervisors and practitioners (audited), and scopes another organisation’s admin to theirs', async () => {
    for (const who of [w.s1, w.p1]) expect((await download(who, 'service-system')).statusCode).toBe(403);
    const denied = await t.database.db.selectFrom('audit_event').select('actor_id').where('action', '=', 'export.service_system').where('outcome', '=', 'denied').execute();
    expect(denied.map((r) => r.actor_id)).toEqual(expect.arrayContaining([w.s1.id, w.p1.id]));
    const other = filesOf(await download(w.adminB, 'service-system'));
    for (const rows of Object.values(other)) expect(rows).toHaveLength(1);
  });

  it('is fetched by the service’s record system with an exports:read token; other scopes and the research export refuse tokens', async () => {
    const admin = await sessionOf(t, w.admin);
    const account = await ok(admin.post('/api/service-accounts', { id: newId(t.clock.now()), name: 'Record system' }));
    const token = async (scopes: string[]) => (await ok(admin.post(`/api/service-accounts/${account.id as string}/tokens`, { id: newId(t.clock.now()), scopes }))).secret as string;
    const withToken = (secret: string, kind: string) => t.app.inject({ method: 'GET', url: `/api/exports/${kind}.zip?${range}`, headers: { authorization: `Bearer ${secret}` } });
    const exportsToken = await token(['exports:read']);
    const res = await withToken(exportsToken, 'service-system');
    expect(res.statusCode, res.body).toBe(200);
    expect(filesOf(res)['referrals.csv']!.slice(1).map((r) => r[1])).toContain(w.clients.consenting!.id);
    expect((await withToken(exportsToken, 'research')).statusCode).toBe(403);
    expect((await withToken(await token(['fhir:read']), 'service-system')).statusCode).toBe(403);
  });

  it('refuses a reversed or too long range', async () => {
    expect((await download(w.admin, 'service-system', 'from=2026-02-01&to=2026-01-01')).statusCode).toBe(400);
    expect((await download(w.admin, 'research', 'from=2024-01-01&to=2025-06-01')).statusCode).toBe(400);
  });
});

describe('data dictionaries', () => {
  it('describe every column of every file', () => {
    const docs = (name: string) => readFileSync(new URL(`../../../../../docs/data-dictionaries/${name}`, import.meta.url), 'utf8');
    const service = docs('service-system-export.md');
    for (const column of [...serviceContactColumns, ...serviceReferralColumns, ...serviceMeasureColumns]) expect(service, column).toContain(`| \`${column}\``);
    const research = docs('research-export.md');
    for (const [file, columns] of Object.entries(researchFiles)) {
      expect(research).toContain(`## ${file}`);
      for (const column of columns) expect(research, `${file} ${column}`).toContain(`| \`${column}\``);
    }
  });
});
