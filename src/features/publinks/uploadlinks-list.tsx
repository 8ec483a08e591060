// The "Upload links" tab: each link with its folder, message, dates, counters and row actions.
import { useCallback, useState } from 'react';
import { Link } from 'wouter';
import { useQuery } from '@tanstack/react-query';
import { paths } from '../../routing/paths';
import type { UploadLink } from '../../api/types';
import { useT } from '../../i18n';
import common from '../../locales/en/common';
import links from '../../locales/en/links';
import { formatDate, toTime } from '../../lib/format';
import { uploadLinkListOptions, useDeleteUploadLink } from '../../queries/uploadlinks';
import { toast } from '../../stores/toasts';
import { Dialog } from '../../ui/dialog';
import { Icon, ItemIcon } from '../../ui/icons';
import { errorMessage } from '../../i18n/error-message';
import { UploadLinkEditForm } from './edit-forms';
import { uploadLinkExpiry } from './link-options';
import { CopyButton, dropUrl, expiryText, filesText, spaceText, uploadLinkProblem, type LinksT } from './link-share';
import { ConfirmDelete, ListState, ListTools, QrDialog, ShowMore, usePagedFilter } from './list-parts';
import { Button, buttonClass } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { Table } from '../../ui/table';

const folderName = (l: UploadLink, t: LinksT) => (!l.metadata ? t('deletedFolder') : l.metadata.folderid === 0 ? t('myFiles') : l.metadata.name);
const createdAt = (l: UploadLink) => toTime(l.created);

export function UploadLinksList() {
  // uploaders move the counters, not this app: read them fresh every time the list is shown
  const list = useQuery({ ...uploadLinkListOptions(), refetchOnMount: 'always' });
  const del = useDeleteUploadLink();
  const t = useT(links);
  const tc = useT(common);
  // the filter matches the folder names as shown, so in the app's language
  const searchText = useCallback((l: UploadLink) => `${folderName(l, t)} ${l.comment} ${l.mail} ${l.code}`, [t]);
  const paged = usePagedFilter(list.data, searchText, createdAt);
  const [qr, setQr] = useState<UploadLink | null>(null);
  const [editing, setEditing] = useState<UploadLink | null>(null);
  const [deleting, setDeleting] = useState<UploadLink | null>(null);

  if (list.isPending || list.isError) return <ListState pending={list.isPending} error={list.error} retry={() => void list.refetch()} kind="upload" />;

  if (list.data.length === 0)
    return (
      <EmptyState
        className="links-empty"
        icon="upload"
        title={t('noUploadLinks')}
        text={t.rich('noUploadLinksHint', {
          myFiles: <Link to={paths.folder(0)}>{t('myFiles')}</Link>,
          command: <strong>{t('createUploadLinkCommand')}</strong>,
        })}
      />
    );

  const remove = async (l: UploadLink) => {
    try {
      await del.mutateAsync({ uploadlinkid: l.uploadlinkid });
      toast({ kind: 'success', message: t('uploadLinkDeleted', { name: folderName(l, t) }) });
    } catch (err) {
      toast({ kind: 'error', message: t('deleteUploadFailed', { error: errorMessage(err) }) });
    } finally {
      setDeleting(null);
    }
  };

  return (
    <>
      <ListTools kind="upload" query={paged.query} onQuery={paged.setQuery} matching={paged.total} all={list.data.length} />
      <Table
        label={t('uploadLinks')}
        className="links-table"
        columns={[
          { label: tc('folder') },
          { label: t('message') },
          { label: tc('created') },
          { label: t('expires') },
          { label: t('files'), className: 'num' },
          { label: t('space'), className: 'num' },
          { label: t('actions'), hidden: true },
        ]}
        after={paged.total === 0 && <p className="muted links-none">{t('noUploadLinkMatches', { query: paged.query })}</p>}
      >
        {paged.rows.map((l) => {
          const problem = uploadLinkProblem(l);
          const name = folderName(l, t);
          return (
            <tr key={l.uploadlinkid}>
              <td>
                {l.metadata ? (
                  <Link className="links-target" to={paths.folder(l.metadata.folderid)} title={t('openFolder')}>
                    <ItemIcon item={l.metadata} size={20} />{' '}
                    <span className="links-name" dir="auto">
                      {name}
                    </span>
                  </Link>
                ) : (
                  <span className="muted">{name}</span>
                )}
                {problem && <span className="links-badge">{t(problem)}</span>}
              </td>
              <td>
                <span className="links-comment" dir="auto" title={l.comment}>
                  {l.comment}
                </span>
              </td>
              <td className="date">{formatDate(l.created, t.locale)}</td>
              <td className="date">{expiryText(uploadLinkExpiry(l), t)}</td>
              <td className="num">{filesText(l, t)}</td>
              <td className="num">{spaceText(l, t)}</td>
              <td>
                <div className="links-actions">
                  <CopyButton text={dropUrl(l.code)} what="UploadLink" className={buttonClass({ square: true })} label={t('copyUploadLinkTo', { name })} title={t('copyLink')}>
                    <Icon name="copy" />
                  </CopyButton>
                  <Button icon="qr" aria-label={t('qrOfUploadLinkTo', { name })} title={t('qrCode')} onClick={() => setQr(l)} />
                  <Button icon="rename" aria-label={t('changeUploadLinkTo', { name })} title={t('changeLimits')} onClick={() => setEditing(l)} />
                  <Button variant="danger" icon="trash" aria-label={t('deleteUploadLinkTo', { name })} title={t('deleteLink')} onClick={() => setDeleting(l)} />
                </div>
              </td>
            </tr>
          );
        })}
      </Table>
      <ShowMore shown={paged.rows.length} total={paged.total} onMore={paged.more} />
      {qr && <QrDialog url={dropUrl(qr.code)} name={folderName(qr, t)} onClose={() => setQr(null)} />}
      {editing && (
        <Dialog open onOpenChange={(o) => !o && setEditing(null)} title={t('changeUploadLinkTitle', { name: folderName(editing, t) })} wide>
          <p className="muted link-intro">{t.rich('emailLine', { email: <span className="link-url-text">{editing.mail}</span> })}</p>
          <UploadLinkEditForm link={editing} onDone={() => setEditing(null)} onCancel={() => setEditing(null)} />
        </Dialog>
      )}
      {deleting && (
        <ConfirmDelete
          title={t('deleteUploadLinkTitle', { name: folderName(deleting, t) })}
          description={t('deleteUploadLinkDescription')}
          busy={del.isPending}
          onCancel={() => setDeleting(null)}
          onConfirm={() => void remove(deleting)}
        />
      )}
    </>
  );
}
