import { Fragment, useState, type ReactNode } from 'react';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { useApiGet } from '../../shared/use-api-get';
import { FocusNotice } from '../FocusNotice';
import { staffPaths } from '../routes';
import { StaffFrame, type StaffContext } from '../StaffFrame';

type SaveNoticeKind = 'saved' | 'stale';

/** The way back from a settings page to the list of them. */
export function BackToService() {
  const t = useT<PractitionerKey>();
  return (
    <Link className="back-link" href={staffPaths.service}>
      {t('service.back')}
    </Link>
  );
}

/** The form of a versioned settings page, given the settings as loaded. */
export interface SettingsFormProps<S> {
  state: S;
  onSaved(state: S): void;
  onStale(): void;
}

/**
 * A page of organisation settings saved with a version (the risk policy, the care settings): it
 * loads them, says whether the defaults are in force, and shows the form — made afresh for each
 * version, so after a save, or after someone else's save was found, it holds what is saved. The
 * notice after a save takes focus: "saved", or that nothing was saved because someone else had.
 */
export function VersionedSettingsPage<S extends { version: number; isDefault: boolean }>({ staff, page, path, words, renderForm }: {
  staff: StaffContext;
  page: string;
  path: string;
  /** Whose strings the page shows: `service.risk.*` or `service.care.*`. */
  words: 'risk' | 'care';
  renderForm(props: SettingsFormProps<S>): ReactNode;
}) {
  const t = useT<PractitionerKey>();
  const text = (key: 'title' | 'heading' | 'intro' | 'what' | 'isDefault' | 'isSet') => t(`service.${words}.${key}`);
  const { resource, reload, replace } = useApiGet<S>(path);
  const [notice, setNotice] = useState<{ version: number; kind: SaveNoticeKind | null }>({ version: 0, kind: null });
  const show = (kind: SaveNoticeKind) => setNotice((n) => ({ version: n.version + 1, kind }));
  return (
    <StaffFrame staff={staff} title={text('title')} page={page}>
      <div className="narrow">
        <BackToService />
        <h1>{text('heading')}</h1>
        <p>{text('intro')}</p>
        <FocusNotice version={notice.version} tone={notice.kind === 'stale' ? 'warning' : 'success'}>
          {notice.kind ? (
            <>
              <p className="notice-heading">{t(`service.notice.${notice.kind}.title`)}</p>
              <p>{t(`service.notice.${notice.kind}.text`, { what: text('what') })}</p>
            </>
          ) : null}
        </FocusNotice>
        <LoadState resource={resource} onRetry={reload} />
        {resource.status === 'ok' ? (
          <>
            <p className={resource.data.isDefault ? 'notice notice-warning' : 'notice'}>{text(resource.data.isDefault ? 'isDefault' : 'isSet')}</p>
            <Fragment key={resource.data.version}>
              {renderForm({
                state: resource.data,
                onSaved(state) {
                  replace(state);
                  show('saved');
                },
                onStale() {
                  reload();
                  show('stale');
                },
              })}
            </Fragment>
          </>
        ) : null}
      </div>
    </StaffFrame>
  );
}
