/**
 * The only API routes that answer without a signed-in session. Every other route under /api must
 * be reached through a session and start its service with a policy check; the route-walking test
 * (http/route-walk.test.ts) proves it for each route, and registration fails for a route that
 * declares no access or claims to be public without being listed here.
 */
export const publicApiRoutes = [
  'GET /api/health',
  'GET /api/openapi.json',
  'POST /api/auth/sign-in',
  // Staff single sign-on (decision 0036): which options the sign-in page shows, and the two legs of
  // the OpenID Connect code flow. They hold no client data.
  'GET /api/auth/options',
  'GET /api/auth/oidc/start',
  'GET /api/auth/oidc/callback',
  'POST /api/invitations/inspect',
  'POST /api/invitations/accept',
  // The crisis page works signed out: it holds no client data.
  'GET /api/crisis-page',
  // The self-help programme is published content, the same for everyone: no client data.
  'GET /api/programme',
  'GET /api/programme/modules/:moduleId/steps/:stepId',
  // Our questionnaires as FHIR R4 Questionnaires (decision 0038): published forms, no client data.
  'GET /api/fhir/Questionnaire',
  'GET /api/fhir/Questionnaire/:id',
] as const;

/**
 * Pages outside /api that are public: the built web app's files (no data in them), in
 * development without SMTP the dev outbox, and the private calendar feeds, whose secret address
 * is their credential (decision 0021).
 */
export const publicPagePrefixes = ['/dev/outbox', '/calendar/'] as const;
