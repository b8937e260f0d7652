import type { Actor, ClientAccess } from '@tandem/domain';

/**
 * Who may import a client's measures: whoever may record answers for them in a session — the
 * client's care team (`manageEpisodes`; access table rule `careTeam`). An imported response starts
 * the risk pathway like the client's own, so it is a clinical write, not a read. An integration
 * may too, for its organisation's clients, when its API token holds `measures:write` (decision 0041).
 */
export const mayImportMeasures = (access: ClientAccess, actor: Actor): boolean =>
  access.allowed.manageEpisodes || (access.basis === 'integration' && actor.type === 'service' && actor.scopes.includes('measures:write'));
