import type { ClientRecord } from '@tandem/domain';
import { useEffect, useMemo, useRef, useState } from 'react';
import { apiGet, type ApiError } from '../shared/api';

/** A client's record as loaded for a list, or why it could not be. */
export type LoadedClient = { status: 'ok'; record: ClientRecord } | { status: 'error'; error: ApiError };

/**
 * The records of the clients a list mentions (alerts and tasks carry only a client id), so every
 * line can say who the client is. Each record is asked for once per page; records already loaded
 * are kept when the list changes, so an alert acknowledged by someone only on duty still names
 * its client although the server no longer lets them open the record.
 */
export function useClientRecords(clientIds: readonly string[]): ReadonlyMap<string, LoadedClient> {
  const [records, setRecords] = useState<ReadonlyMap<string, LoadedClient>>(() => new Map());
  const requested = useRef(new Set<string>());
  const key = [...new Set(clientIds)].sort().join(' ');
  useEffect(() => {
    for (const id of key.split(' ').filter(Boolean)) {
      if (requested.current.has(id)) continue;
      requested.current.add(id);
      void apiGet<ClientRecord>(`/api/clients/${encodeURIComponent(id)}`).then((result) => {
        const loaded: LoadedClient = result.ok ? { status: 'ok', record: result.data } : { status: 'error', error: result.error };
        setRecords((previous) => new Map(previous).set(id, loaded));
      });
    }
  }, [key]);
  return records;
}

/** Staff names the loaded records tell us (their care teams), by staff id, with the reader's own. */
export function useStaffNames(records: ReadonlyMap<string, LoadedClient>, me: { staffId: string | null; displayName: string }): ReadonlyMap<string, string> {
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const loaded of records.values()) {
      if (loaded.status !== 'ok') continue;
      for (const member of loaded.record.careTeam) names.set(member.staffId, member.displayName);
    }
    if (me.staffId) names.set(me.staffId, me.displayName);
    return names;
  }, [records, me.staffId, me.displayName]);
}
