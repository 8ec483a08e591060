// Download a selection as one zip: getziplink builds a signed content URL (no token in it), then the
// browser's own download takes over. pCloud may refuse zips to OAuth sign-ins (1000): explained, with
// a way to fetch the files one by one instead.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { contentUrl } from '../../api/client';
import { isOAuthRefusal } from '../../api/errors';
import type { Metadata } from '../../api/protocol/types';
import { zipLinkOptions } from '../../queries/archiving';
import type { DialogProps } from '../../stores/dialogs';
import { getSession } from '../../stores/session';
import { Dialog } from '../../ui/dialog';
import { downloadItem, humanError } from '../browse/operations';
import { defaultZipName, describeSelection, treeOf } from './selection';
import './archive.css';

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
        <p>
          You can still download the {files.length === 1 ? 'selected file' : `${files.length} selected files`} one by one
          {folders > 0 ? '; folders cannot be downloaded this way.' : '.'}
        </p>
      ) : (
        <p>Open the folder and download its files one by one, or use pCloud’s own web app.</p>
      )}
      {done !== null && (
        <p className="status-line" role="status">
          {done < files.length ? `Starting download ${done + 1} of ${files.length}…` : `Started ${files.length} download${files.length === 1 ? '' : 's'}.`}
        </p>
      )}
      {files.length > 0 && (
        <div className="dialog-actions">
          <button className="btn primary" disabled={done !== null && done < files.length} onClick={() => void run()}>
            Download files one by one
          </button>
        </div>
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

  useEffect(() => {
    if (href && !started.current) {
      started.current = true;
      startDownload(href, name);
    }
  }, [href, name]);

  let body;
  if (items.length === 0) {
    body = <p className="muted">Nothing is selected.</p>;
  } else if (link.isPending) {
    body = (
      <div className="archive-progress" role="status">
        <span>Preparing the zip of {describeSelection(items)}…</span>
        <progress aria-label="Preparing the zip" />
      </div>
    );
  } else if (link.isError && isOAuthRefusal(link.error)) {
    body = (
      <div className="archive-result" role="status">
        <p>
          <strong>pCloud does not let apps signed in this way download a zip.</strong> Your files are safe and you are still signed in.
        </p>
        <OneByOne items={items} />
      </div>
    );
  } else if (link.isError) {
    body = (
      <div className="archive-result">
        <p className="inline-alert" role="alert">
          The zip could not be prepared: {humanError(link.error)}
        </p>
        <div className="dialog-actions">
          <button className="btn primary" onClick={() => void link.refetch()}>
            Try again
          </button>
        </div>
      </div>
    );
  } else {
    body = (
      <div className="archive-result" role="status">
        <p>Your download of “{name}” has started.</p>
        <p className="muted">
          If it did not start,{' '}
          <a href={href} download={name} rel="noopener">
            download “{name}”
          </a>
          . The link works for a limited time.
        </p>
      </div>
    );
  }

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title="Download as zip">
      {body}
      <div className="dialog-actions">
        <button className="btn" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
