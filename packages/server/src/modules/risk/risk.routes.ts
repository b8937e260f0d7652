import {
  AcknowledgeAlertRequestSchema,
  ClientIdParamsSchema,
  CompleteFollowUpRequestSchema,
  FollowUpTaskIdParamsSchema,
  FollowUpTaskListSchema,
  FollowUpTaskSchema,
  RiskPolicyStateSchema,
  SetRiskPolicyRequestSchema,
  HelpRequestSchema,
  RiskAlertIdParamsSchema,
  RiskAlertListQuerySchema,
  RiskAlertListSchema,
  RiskAlertSchema,
  RiskNoticeSchema,
} from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses as errors, signedInRoute as signedIn } from '../../http/route-options';
import { completeFollowUp, getRiskPolicy, listMyFollowUps, setRiskPolicy } from './follow-up.service';
import { acknowledgeAlert, listClientAlerts, listMyAlerts, requestHelp } from './risk.service';

const tags = ['risk'];

export function riskRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/help-requests',
      {
        config: signedIn,
        schema: { summary: 'The client’s “I need help now” button: raises a risk alert; says when a person will see it', tags, body: HelpRequestSchema, response: { 201: RiskNoticeSchema, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await requestHelp(serviceContext(deps, request), request.body)),
    );
    app.get(
      '/api/risk-alerts',
      { config: signedIn, schema: { summary: 'Risk alerts routed to me or for my caseload', tags, querystring: RiskAlertListQuerySchema, response: { 200: RiskAlertListSchema, ...errors } } },
      async (request) => ({ alerts: await listMyAlerts(serviceContext(deps, request), request.query.status) }),
    );
    app.get(
      '/api/clients/:clientId/risk-alerts',
      { config: signedIn, schema: { summary: 'A client’s risk alerts', tags, params: ClientIdParamsSchema, response: { 200: RiskAlertListSchema, ...errors } } },
      async (request) => ({ alerts: await listClientAlerts(serviceContext(deps, request), request.params.clientId) }),
    );
    app.post(
      '/api/risk-alerts/:alertId/acknowledge',
      {
        config: signedIn,
        schema: { summary: 'Acknowledge a risk alert with the action taken', tags, params: RiskAlertIdParamsSchema, body: AcknowledgeAlertRequestSchema, response: { 200: RiskAlertSchema, ...errors } },
      },
      async (request) => acknowledgeAlert(serviceContext(deps, request), request.params.alertId, request.body),
    );
    app.get(
      '/api/follow-up-tasks',
      { config: signedIn, schema: { summary: 'My open follow-up tasks (a missed appointment after a risk alert)', tags, response: { 200: FollowUpTaskListSchema, ...errors } } },
      async (request) => ({ tasks: await listMyFollowUps(serviceContext(deps, request)) }),
    );
    app.post(
      '/api/follow-up-tasks/:taskId/done',
      {
        config: signedIn,
        schema: { summary: 'Mark a follow-up task done with what was done', tags, params: FollowUpTaskIdParamsSchema, body: CompleteFollowUpRequestSchema, response: { 200: FollowUpTaskSchema, ...errors } },
      },
      async (request) => completeFollowUp(serviceContext(deps, request), request.params.taskId, request.body.note),
    );
    app.get(
      '/api/organisation/risk-policy',
      { config: signedIn, schema: { summary: 'The organisation’s risk policy (response tiers)', tags, response: { 200: RiskPolicyStateSchema, ...errors } } },
      async (request) => getRiskPolicy(serviceContext(deps, request)),
    );
    app.put(
      '/api/organisation/risk-policy',
      { config: signedIn, schema: { summary: 'Record the clinical lead’s risk policy (admins)', tags, body: SetRiskPolicyRequestSchema, response: { 200: RiskPolicyStateSchema, ...errors } } },
      async (request) => setRiskPolicy(serviceContext(deps, request), request.body),
    );
  };
}
