import { DomainError, type ErrorBody, type ErrorCode, type ErrorDetail } from '@tandem/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/unavailable';
import { errorStatus } from './error-status';

/** Fastify's own request errors, by their code, as Tandem error codes. */
const fastifyCodes: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'request.malformed_json', message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'request.malformed_json', message: 'The request body is empty; send a JSON object.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'request.unsupported_media_type',
    message: 'Send the request body as application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'request.invalid', message: 'The Content-Length header does not match the body.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'request.too_large', message: 'The request body is too large.' },
};

function validationDetails(error: FastifyError): ErrorDetail[] {
  const where = error.validationContext ?? 'body';
  return (error.validation ?? []).flatMap((issue) => {
    const base = `${where}${issue.instancePath === '/' ? '' : issue.instancePath}`;
    const keys = (issue.params as { keys?: unknown }).keys;
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      return keys.map((key) => ({ path: `${base}/${String(key)}`, message: 'is not a known field' }));
    }
    return [{ path: base, message: issue.message ?? 'is invalid' }];
  });
}

/** Converts anything thrown in a request into the one error body and its status. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof DomainError) {
    return {
      status: errorStatus[error.code],
      body: { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } },
    };
  }
  const fastifyError = error as Partial<FastifyError>;
  if (hasZodFastifySchemaValidationErrors(error)) {
    return {
      status: errorStatus['request.invalid'],
      body: {
        error: {
          code: 'request.invalid',
          message: 'Some of the request is not valid.',
          details: validationDetails(error as FastifyError),
        },
      },
    };
  }
  // The database restarting or failing over: try again shortly, not "something went wrong" (HAZ-097).
  if (isDatabaseUnavailable(error)) {
    return {
      status: errorStatus['database.unavailable'],
      body: { error: { code: 'database.unavailable', message: 'The service cannot reach its database just now. Please try again in a minute.' } },
    };
  }
  const known = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
  if (known) return { status: errorStatus[known.code], body: { error: { code: known.code, message: known.message } } };
  if (fastifyError.statusCode === 404) {
    return { status: 404, body: { error: { code: 'request.not_found', message: 'Nothing is here.' } } };
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return { status: 400, body: { error: { code: 'request.invalid', message: 'The request could not be understood.' } } };
  }
  return {
    status: 500,
    body: { error: { code: 'internal.unexpected', message: 'Something went wrong on our side. Please try again.' } },
  };
}

/** Installs the error mapper and the not-found answer for API paths. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = reportError(error, request, reply);
    return reply.status(status).send(body);
  });
}

/**
 * Maps an error to the one error body and its status, and logs it as that status needs (the
 * FHIR routes present the same as an OperationOutcome; decision 0039).
 */
export function reportError(error: unknown, request: FastifyRequest, reply: FastifyReply): { status: number; body: ErrorBody } {
  const { status, body } = toErrorResponse(error);
  const err = error as Error;
  if (body.error.code === 'database.unavailable') {
    // Expected while PostgreSQL restarts or fails over: a warning, without the stack (HAZ-097).
    request.log.warn({ errName: err?.name, errCode: (err as FastifyError)?.code }, 'database unavailable');
    reply.header('retry-after', '10');
  } else if (status >= 500) {
    // Log the error's type and stack, never the request body or the error's data fields.
    request.log.error({ errName: err?.name, errCode: (err as FastifyError)?.code, stack: err?.stack }, 'unexpected error');
  }
  return { status, body };
}
