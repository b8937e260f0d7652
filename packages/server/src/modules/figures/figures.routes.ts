import {
  ActivityBeatRequestSchema,
  ActivityBeatResultSchema,
  MonthSchema,
  OwnWeekFiguresSchema,
  PulseAnswerRequestSchema,
  PulseStateSchema,
  PulseSummarySchema,
  SupervisionFiguresSchema,
  WeekQuerySchema,
} from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses as errors, signedInRoute as signedIn } from '../../http/route-options';
import { recordBeat } from './activity.service';
import { exportSupervisionFigures } from './figures.export';
import { getOwnWeek, getSupervisionFigures } from './figures.service';
import { answerPulse, dismissPulse, getPulse, getPulseSummary } from './pulse.service';

const tags = ['figures'];

/** Value and burden: active-time beats, the figures, their CSV export and the monthly pulse (decision 0028). */
export function figuresRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/activity/beats',
      {
        config: signedIn,
        schema: {
          summary: 'Seconds of active time in a client’s record since the last beat (capped; a repeated beat id counts once)',
          tags,
          body: ActivityBeatRequestSchema,
          response: { 200: ActivityBeatResultSchema, ...errors },
        },
      },
      async (request) => recordBeat(serviceContext(deps, request), request.body),
    );
    app.get(
      '/api/figures/me',
      { config: signedIn, schema: { summary: 'My week: active time, work written, my clients’ engagement', tags, querystring: WeekQuerySchema, response: { 200: OwnWeekFiguresSchema, ...errors } } },
      async (request) => getOwnWeek(serviceContext(deps, request), request.query.week),
    );
    app.get(
      '/api/figures/supervision',
      {
        config: signedIn,
        schema: { summary: 'The service’s and my supervisees’ figures, with counts, 95 % intervals and suppression (supervisors)', tags, querystring: WeekQuerySchema, response: { 200: SupervisionFiguresSchema, ...errors } },
      },
      async (request) => getSupervisionFigures(serviceContext(deps, request), request.query.week),
    );
    app.get(
      '/api/figures/supervision.csv',
      { config: signedIn, schema: { summary: 'The supervision figures as CSV (text/csv; audited)', tags, querystring: WeekQuerySchema, response: { 200: z.string().describe('text/csv'), ...errors } } },
      async (request, reply) => {
        const { csv, weekStart } = await exportSupervisionFigures(serviceContext(deps, request), request.query.week);
        return reply
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="tandem-figures-${weekStart}.csv"`)
          .type('text/csv; charset=utf-8')
          .send(csv);
      },
    );
    app.get('/api/pulse', { config: signedIn, schema: { summary: 'This month’s value-and-burden check for me', tags, response: { 200: PulseStateSchema, ...errors } } }, async (request) =>
      getPulse(serviceContext(deps, request)),
    );
    app.put(
      '/api/pulse',
      { config: signedIn, schema: { summary: 'Answer (or change) this month’s check', tags, body: PulseAnswerRequestSchema, response: { 200: PulseStateSchema, ...errors } } },
      async (request) => answerPulse(serviceContext(deps, request), request.body),
    );
    app.post(
      '/api/pulse/dismiss',
      { config: signedIn, schema: { summary: 'Not this month: the check is not offered again until next month', tags, response: { 200: PulseStateSchema, ...errors } } },
      async (request) => dismissPulse(serviceContext(deps, request)),
    );
    app.get(
      '/api/pulse/summary',
      {
        config: signedIn,
        schema: { summary: 'A month’s checks in aggregate only (supervisors and admins)', tags, querystring: z.strictObject({ month: MonthSchema.optional() }), response: { 200: PulseSummarySchema, ...errors } },
      },
      async (request) => getPulseSummary(serviceContext(deps, request), request.query.month),
    );
  };
}
