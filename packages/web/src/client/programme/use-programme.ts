import type { Me, Programme, ProgrammeModuleSummary, ProgrammeProgress } from '@tandem/domain';
import { useLocale } from '../../shared/i18n/I18nProvider';
import type { Resource } from '../../shared/use-api-get';
import { useApiGet } from '../../shared/use-api-get';
import { useOutbox } from '../outbox/useOutbox';
import { doneSteps, programmeUrl } from './programme-data';

export interface ProgrammeView {
  module: ProgrammeModuleSummary | null;
  modules: ProgrammeModuleSummary[];
  progress: ProgrammeProgress;
  done: Set<string>;
  isOpen: boolean;
}

/**
 * The programme in the page's language, the client's progress (with "Done" still waiting on the
 * phone counted as done) and the outbox, for the module and step pages.
 */
export function useProgramme(me: Me, moduleId: string) {
  const { locale } = useLocale();
  const programme = useApiGet<Programme>(programmeUrl(locale));
  const progress = useApiGet<ProgrammeProgress>('/api/me/programme');
  const outbox = useOutbox(me.actor.clientId ?? '', progress.reload);
  const failed: Resource<unknown> = programme.resource.status !== 'ok' ? programme.resource : progress.resource;
  let view: ProgrammeView | null = null;
  if (programme.resource.status === 'ok' && progress.resource.status === 'ok') {
    const { modules } = programme.resource.data;
    view = {
      modules,
      module: modules.find((m) => m.id === moduleId) ?? null,
      progress: progress.resource.data,
      done: doneSteps(progress.resource.data, outbox.items),
      isOpen: progress.resource.data.openModules.includes(moduleId),
    };
  }
  const retry = () => {
    programme.reload();
    progress.reload();
  };
  return { view, failed, retry, outbox, reloadProgress: progress.reload };
}
