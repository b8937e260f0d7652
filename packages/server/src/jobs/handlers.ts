import type { JobHandler } from './jobs';

/**
 * Job kinds and their handlers. Features add theirs here (reminders, risk escalations, digests);
 * a job of an unknown kind fails and is retried, so a deploy that removes a kind is noticed.
 */
export const jobHandlers: Record<string, JobHandler> = {};
