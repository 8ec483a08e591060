// A folder's name by id ("My files" for the root), for destinations shown in dialogs.
import { useQuery } from '@tanstack/react-query';
import { folderMetaOptions } from '../../queries/folder';

export function FolderName({ folderid }: { folderid: number }) {
  const meta = useQuery({ ...folderMetaOptions(folderid), enabled: folderid !== 0 });
  if (folderid === 0) return <>My files</>;
  return <>{meta.data?.name ?? '…'}</>;
}
