import { ErrorBodySchema, InviteStaffRequestSchema, StaffListSchema, StaffSummarySchema } from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses } from '../../http/route-options';
import { inviteStaff, listStaff } from './staff.service';

const errors = { ...errorResponses, 503: ErrorBodySchema };

export function staffRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/staff',
      { config: { access: 'signed-in' }, schema: { summary: 'Staff of the caller’s organisation', tags: ['staff'], response: { 200: StaffListSchema, ...errors } } },
      async (request) => ({ staff: await listStaff(serviceContext(deps, request)) }),
    );
    app.post(
      '/api/staff',
      {
        config: { access: 'signed-in' },
        schema: { summary: 'Invite a member of staff (admins)', tags: ['staff'], body: InviteStaffRequestSchema, response: { 201: StaffSummarySchema, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await inviteStaff(serviceContext(deps, request), request.body)),
    );
  };
}
