import { z } from 'zod';

export { formatUuidV7, newId } from './uuid';

/**
 * Ids are UUIDs made by the writer (the client app for client writes), so an id is also the
 * idempotency key of the write that creates the row. We make version 7 UUIDs: time-ordered,
 * which keeps B-tree inserts local on large tables (docs/decisions/0003-clock-and-ids.md).
 */
export const IdSchema = z.uuid({ message: 'must be a UUID' });
export type Id = z.infer<typeof IdSchema>;
