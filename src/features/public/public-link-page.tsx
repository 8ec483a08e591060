// `/publink/show?code=…`: what a visitor of a public link sees. No session is needed and none is
// used: every read is anonymous (queries/public.ts), on the API host that knows the code.
import { useMemo } from 'react';
import { useSearchParams } from '../../routing/location';
import { useQuery } from '@tanstack/react-query';
import { useT } from '../../i18n';
import pub from '../../locales/en/public';
import { openPublinkOptions } from '../../queries/public';
import { FileLinkView } from './file-view';
import { FolderLinkView } from './folder-view';
import { Loading, ProblemPage, PublicFrame } from './frame';
import { publicApiBases } from './hosts';
import { linkProblem } from './problems';
import { SaveButton } from './save-button';

export default function PublicLinkPage() {
  const t = useT(pub);
  const [params] = useSearchParams();
  const code = (params.get('code') ?? '').trim();
  const bases = useMemo(publicApiBases, []);
  const opened = useQuery({ ...openPublinkOptions(code, bases), enabled: code !== '' });
  const apiBase = opened.data?.apiBase ?? '';
  const isFileLink = opened.data ? !opened.data.metadata.isfolder : false;
  const link = useMemo(() => ({ code, apiBase, isFileLink }), [code, apiBase, isFileLink]);

  if (code === '') {
    return <ProblemPage problem={{ id: 'unknown', title: t('noLinkTitle'), detail: t('noLinkDetail'), retry: false }} />;
  }
  if (opened.error) {
    const problem = linkProblem(opened.error);
    return (
      <ProblemPage problem={problem} onRetry={() => void opened.refetch()}>
        {/* copypubfile moves no bytes, so pCloud allows it after these limits (docs/pcloud/methods-publinks.md §1.6) */}
        {(problem.id === 'traffic' || problem.id === 'downloads') && (
          <SaveButton link={{ code, apiBase: bases[0], isFileLink: true }} target={{ kind: 'file', fileid: 0, name: '' }} label={t('saveInstead')} />
        )}
      </ProblemPage>
    );
  }
  if (!opened.data) {
    return (
      <PublicFrame>
        <Loading label={t('openingLink')} />
      </PublicFrame>
    );
  }
  const { metadata } = opened.data;
  if (metadata.isfolder) return <FolderLinkView link={link} root={metadata} />;
  return <FileLinkView link={link} file={metadata} />;
}
