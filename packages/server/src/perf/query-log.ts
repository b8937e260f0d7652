import { createQueryId, type CompiledQuery, type Kysely, type KyselyPlugin, type RootOperationNode } from 'kysely';
import type { Schema } from '../db/schema';

/**
 * Records every query the app sends through Kysely (raw `sql` too), for the query budgets and the
 * EXPLAIN checks in this folder. Install with `createTestApp({ plugins: [log.plugin] })`.
 */
export interface QueryLog {
  plugin: KyselyPlugin;
  /** Forgets what was recorded so far. */
  reset(): void;
  count(): number;
  /** The recorded queries compiled to SQL with their parameters, ready for EXPLAIN. */
  compiled(db: Kysely<Schema>): CompiledQuery[];
}

export function createQueryLog(): QueryLog {
  let nodes: RootOperationNode[] = [];
  return {
    plugin: {
      transformQuery(args) {
        nodes.push(args.node);
        return args.node;
      },
      transformResult: async (args) => args.result,
    },
    reset() {
      nodes = [];
    },
    count: () => nodes.length,
    compiled: (db) => nodes.map((node) => db.getExecutor().compileQuery(node, createQueryId())),
  };
}
