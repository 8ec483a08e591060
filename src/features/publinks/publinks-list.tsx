// The "Public links" tab: every link with its target, dates, counters and row actions.
import { displayName } from '../../i18n/display-name';
import { useState } from 'react';
import { Link } from 'wouter';
import { useQuery } from '@tanstack/react-query';
import { paths } from '../../routing/paths';
import { shortcutLabel } from '../../commands/registry';
import { commandById } from '../../commands/file-commands';
import type { Publink } from '../../api/types';
import { useT } from '../../i18n';
import common from '../../locales/en/common';
import links from '../../locales/en/links';
import { formatDate, toTime } from '../../lib/format';
import { publinkListOptions, useDeletePublink } from '../../queries/publinks';
import { toast } from '../../stores/toasts';
import { Dialog } from '../../ui/dialog';
import { Icon, ItemIcon } from '../../ui/icons';
import { errorMessage } from '../../i18n/error-message';
import { PublinkEditForm } from './edit-forms';
import { CopyButton, downloadsText, expiryText, isTreeLink, publinkProblem, trafficText, viewerUrl, type LinksT } from './link-share';
import { ConfirmDelete, ListState, ListTools, QrDialog, ShowMore, usePagedFilter } from './list-parts';
import { Button, buttonClass } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { Table } from '../../ui/table';

const searchText = (l: Publink) => `${l.metadata.name} ${l.code} ${l.shortcode ?? ''}`;
const createdAt = (l: Publink) => toTime(l.created);

/** Where the linked item lives in the browser: the file opens in the viewer of its folder. */
function Target({ link, t }: { link: Publink; t: LinksT }) {
  const m = link.metadata;
  const name = (
    <span className="links-name" dir="auto">
      {displayName(m.name)}
    </span>
  );
  if (isTreeLink(link))
    return (
      <span className="links-target">
        <ItemIcon item={m} size={20} /> {name} <span className="muted">{t('selection')}</span>
      </span>
    );
  const to = m.isfolder ? paths.folder(m.folderid) : `${paths.folder(m.parentfolderid ?? 0)}?view=${m.fileid}`;
  return (
    <Link className="links-target" to={to} title={t(m.isfolder ? 'openFolder' : 'openFile')}>
      <ItemIcon item={m} size={20} /> {name}
    </Link>
  );
}

export function PublinksList() {
  // visitors move the counters, not this app: read them fresh every time the list is shown
  const list = useQuery({ ...publinkListOptions(), refetchOnMount: 'always' });
  const del = useDeletePublink();
  const paged = usePagedFilter(list.data, searchText, createdAt);
  const [qr, setQr] = useState<Publink | null>(null);
  const [editing, setEditing] = useState<Publink | null>(null);
  const [deleting, setDeleting] = useState<Publink | null>(null);
  const t = useT(links);
  const tc = useT(common);

  if (list.isPending || list.isError) return <ListState pending={list.isPending} error={list.error} retry={() => void list.refetch()} kind="public" />;

  if (list.data.length === 0)
    return (
      <EmptyState
        className="links-empty"
        icon="link"
        title={t('noPublinks')}
        text={t.rich('noPublinksHint', {
          myFiles: <Link to={paths.folder(0)}>{t('myFiles')}</Link>,
          command: <strong>{t('getPublinkCommand')}</strong>,
          shortcut: <kbd>{shortcutLabel(commandById('get-link').shortcut!)}</kbd>,
        })}
      />
    );

  const remove = async (l: Publink) => {
    try {
      await del.mutateAsync({ linkid: l.linkid });
      toast({ kind: 'success', message: t('linkDeleted', { name: l.metadata.name }) });
    } catch (err) {
      toast({ kind: 'error', message: t('deleteFailed', { error: errorMessage(err) }) });
    } finally {
      setDeleting(null);
    }
  };

  return (
    <>
      <ListTools kind="public" query={paged.query} onQuery={paged.setQuery} matching={paged.total} all={list.data.length} />
      <Table
        label={t('publicLinks')}
        className="links-table"
        columns={[
          { label: tc('name') },
          { label: tc('created') },
          { label: t('expires') },
          { label: t('downloads'), className: 'num' },
          { label: t('traffic'), className: 'num' },
          { label: t('actions'), hidden: true },
        ]}
        after={paged.total === 0 && <p className="muted links-none">{t('noLinkMatches', { query: paged.query })}</p>}
      >
        {paged.rows.map((l) => {
          const problem = publinkProblem(l);
          return (
            <tr key={l.linkid}>
              <td>
                <Target link={l} t={t} />
                {problem && <span className="links-badge">{t(problem)}</span>}
              </td>
              <td className="date">{formatDate(l.created, t.locale)}</td>
              <td className="date">{expiryText(l.expires, t)}</td>
              <td className="num">{downloadsText(l, t)}</td>
              <td className="num">{trafficText(l, t)}</td>
              <td>
                <div className="links-actions">
                  <CopyButton text={viewerUrl(l.code)} what="Link" className={buttonClass({ square: true })} label={t('copyLinkTo', { name: l.metadata.name })} title={t('copyLink')}>
                    <Icon name="copy" />
                  </CopyButton>
                  <Button icon="qr" aria-label={t('qrOfLinkTo', { name: l.metadata.name })} title={t('qrCode')} onClick={() => setQr(l)} />
                  <Button icon="rename" aria-label={t('changeLinkTo', { name: l.metadata.name })} title={t('changeOptions')} onClick={() => setEditing(l)} />
                  <Button variant="danger" icon="trash" aria-label={t('deleteLinkTo', { name: l.metadata.name })} title={t('deleteLink')} onClick={() => setDeleting(l)} />
                </div>
              </td>
            </tr>
          );
        })}
      </Table>
      <ShowMore shown={paged.rows.length} total={paged.total} onMore={paged.more} />
      {qr && <QrDialog url={viewerUrl(qr.code)} name={qr.metadata.name} onClose={() => setQr(null)} />}
      {editing && (
        <Dialog open onOpenChange={(o) => !o && setEditing(null)} title={t('changeLinkTitle', { name: editing.metadata.name })} wide>
          <PublinkEditForm link={editing} onDone={() => setEditing(null)} onCancel={() => setEditing(null)} />
        </Dialog>
      )}
      {deleting && (
        <ConfirmDelete
          title={t('deleteLinkTitle', { name: deleting.metadata.name })}
          description={t('deleteLinkDescription')}
          busy={del.isPending}
          onCancel={() => setDeleting(null)}
          onConfirm={() => void remove(deleting)}
        />
      )}
    </>
  );
}
