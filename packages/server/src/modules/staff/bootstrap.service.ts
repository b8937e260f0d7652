import { DomainError, newId, type Clock, type StaffRole } from '@tandem/domain';
import type { Kysely } from 'kysely';
import { writeAudit } from '../../audit/audit';
import type { Schema } from '../../db/schema';
import { findAccountByEmail } from '../auth/auth.repo';
import { checkNewPassword } from '../auth/password-check';
import { hashPassword } from '../auth/secrets';
import { insertStaffMember } from './staff.repo';

export interface CreateAdminInput {
  email: string;
  displayName: string;
  password: string;
  /** The organisation's name: found, or created when no organisation has it. */
  organisationName?: string;
  timeZone: string;
  /** Extra roles beside admin (a small service's lead may also practise). */
  extraRoles: StaffRole[];
}

/**
 * Creates a real admin account from the command line (`tandem create-admin`), acting as the
 * system. Without an organisation name it uses the only organisation, and refuses when there are
 * none or several. Audited.
 */
export async function createAdmin(db: Kysely<Schema>, clock: Clock, input: CreateAdminInput) {
  if (await findAccountByEmail(db, input.email)) {
    throw new DomainError('account.email_taken', `An account with the email ${input.email} already exists.`);
  }
  checkNewPassword(input.password, { email: input.email, names: input.displayName.split(/\s+/) });
  const passwordHash = await hashPassword(input.password);
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    let organisation = input.organisationName
      ? await trx.selectFrom('organisation').select(['id', 'name']).where('name', '=', input.organisationName).executeTakeFirst()
      : undefined;
    if (!organisation && input.organisationName) {
      organisation = { id: newId(now), name: input.organisationName };
      await trx.insertInto('organisation').values({ id: organisation.id, name: organisation.name, time_zone: input.timeZone, created_at: now }).execute();
      // Every organisation has at least one site: service hours and the duty rota hang off it.
      await trx.insertInto('site').values({ id: newId(now), organisation_id: organisation.id, name: organisation.name, time_zone: input.timeZone, created_at: now }).execute();
    }
    if (!organisation) {
      const all = await trx.selectFrom('organisation').select(['id', 'name']).limit(2).execute();
      if (all.length !== 1) {
        throw new DomainError(
          'request.invalid',
          all.length ? 'There are several organisations: say which with --organisation.' : 'There is no organisation yet: name it with --organisation.',
        );
      }
      organisation = all[0]!;
    }
    const staffId = newId(now);
    const roles: StaffRole[] = ['admin', ...input.extraRoles.filter((r) => r !== 'admin')];
    await insertStaffMember(trx, {
      id: staffId,
      organisationId: organisation.id,
      displayName: input.displayName,
      roles,
      timeZone: input.timeZone,
      siteIds: [],
      supervisorIds: [],
      now,
    });
    await trx
      .insertInto('account')
      .values({
        id: newId(now),
        organisation_id: organisation.id,
        actor_type: 'staff',
        staff_id: staffId,
        client_id: null,
        email: input.email,
        password_hash: passwordHash,
        status: 'active',
        created_at: now,
        updated_at: now,
        activated_at: now,
      })
      .execute();
    await writeAudit(trx, { actor: { type: 'system', component: 'cli:create-admin', organisationId: organisation.id }, clock, requestId: null }, {
      action: 'staff.create',
      entityType: 'staff',
      entityId: staffId,
      details: { roles: roles.join('+') },
    });
    return { staffId, organisation };
  });
}
