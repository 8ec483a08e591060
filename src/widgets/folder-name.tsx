// A folder's name by id ("My files" for the root), for destinations shown in dialogs.
import { useQuery } from '@tanstack/react-query';
import { folderMetaOptions } from '../queries/folder';
import { useT } from '../i18n';
import archive from '../locales/en/archive';

export function FolderName({ folderid }: { folderid: number }) {
  const meta = useQuery({ ...folderMetaOptions(folderid), enabled: folderid !== 0 });
  const t = useT(archive);
  if (folderid === 0) return <>{t('myFiles')}</>;
  return <>{meta.data?.name ?? '…'}</>;
}
