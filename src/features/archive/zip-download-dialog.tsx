// Download a selection as one zip: getziplink builds a signed content URL (no token in it), then the
// browser's own download takes over. pCloud may refuse zips to OAuth sign-ins (1000): explained, with
// a way to fetch the files one by one instead.
import { serverName } from '../../i18n/server-name';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { contentUrl } from '../../api/client';
import { FullAccessButton } from '../../widgets/not-available';
import { isOAuthRefusal } from '../../api/errors';
import type { Metadata } from '../../api/protocol/types';
import { zipLinkOptions } from '../../queries/archiving';
import type { DialogProps } from '../../stores/dialogs';
import { getSession } from '../../stores/session';
import { Dialog } from '../../ui/dialog';
import { downloadItem } from '../../commands/operations';
import { useT } from '../../i18n';
import { errorMessage } from '../../i18n/error-message';
import archive from '../../locales/en/archive';
import common from '../../locales/en/common';
import { defaultZipName, describeSelection, treeOf } from './selection';
import '../../widgets/archive.css';
import { DialogActions } from '../../ui/dialog-actions';


function startDownload(href: string, name: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

function OneByOne({ items }: { items: readonly Metadata[] }) {
  const files = items.filter((m) => !m.isfolder);
  const folders = items.length - files.length;
  const [done, setDone] = useState<number | null>(null);
  const t = useT(archive);
  const run = async () => {
    setDone(0);
    for (let i = 0; i < files.length; i++) {
      await downloadItem(files[i]);
      setDone(i + 1);
    }
  };
  return (
    <>
      {files.length > 0 ? (
        <p>{t(folders > 0 ? 'oneByOneNoFolders' : 'oneByOne', { count: files.length })}</p>
      ) : (
        <p>{t('onlyFolders')}</p>
      )}
      {done !== null && (
        <p className="status-line" role="status">
          {done < files.length ? t('startingDownload', { n: done + 1, total: files.length }) : t('startedDownloads', { count: files.length })}
        </p>
      )}
      {files.length > 0 && (
        <DialogActions submitLabel={t('downloadOneByOne')} disabled={done !== null && done < files.length} onSubmit={() => void run()} />
      )}
    </>
  );
}

export default function ZipDownloadDialog({ items, folder, onClose }: DialogProps) {
  const name = useMemo(() => defaultZipName(items, folder), [items, folder]);
  const params = useMemo(() => ({ ...treeOf(items), forcedownload: true, filename: name }), [items, name]);
  const link = useQuery({ ...zipLinkOptions(params), enabled: items.length > 0, retry: false, gcTime: 0 });
  const href = useMemo(() => (link.data ? contentUrl(link.data, getSession()?.apiBase ?? '') : undefined), [link.data]);
  const started = useRef(false);
  const t = useT(archive);
  const c = useT(common);

  useEffect(() => {
    if (href && !started.current) {
      started.current = true;
      startDownload(href, name);
    }
  }, [href, name]);

  let body;
  if (items.length === 0) {
    body = <p className="muted">{t('nothingSelected')}</p>;
  } else if (link.isPending) {
    body = (
      <div className="archive-progress" role="status">
        <span>{t('preparing', { selection: describeSelection(items) })}</span>
        <progress aria-label={t('preparingLabel')} />
      </div>
    );
  } else if (link.isError && isOAuthRefusal(link.error)) {
    body = (
      <div className="archive-result" role="status">
        <p>
          <strong>{t('zipRefused', { server: serverName() })}</strong> {t('zipRefusedSafe')}
        </p>
        <OneByOne items={items} />
        <p className="muted">{t('zipFullAccess')}</p>
        <FullAccessButton />
      </div>
    );
  } else if (link.isError) {
    body = (
      <div className="archive-result">
        <p className="inline-alert" role="alert">
          {t('prepareFailed', { error: errorMessage(link.error) })}
        </p>
        <DialogActions submitLabel={c('tryAgain')} onSubmit={() => void link.refetch()} />
      </div>
    );
  } else {
    body = (
      <div className="archive-result" role="status">
        <p>{t('downloadStarted', { name })}</p>
        <p className="muted">
          {t.rich('notStarted', {
            link: (
              <a href={href} download={name} rel="noopener">
                {t('downloadName', { name })}
              </a>
            ),
          })}
        </p>
      </div>
    );
  }

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t('downloadTitle')}>
      {body}
      <DialogActions onCancel={onClose} cancelLabel={c('close')} />
    </Dialog>
  );
}
