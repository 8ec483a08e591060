import { displayName } from '../../i18n/display-name';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { DragEvent } from 'react';
import type { FolderMetadata } from '../../api/protocol/types';
import { listFolder } from '../../api/folder';
import { folderListingOptions } from '../../queries/folder';
import { paths } from '../../routing/paths';
import { DRAG_TYPE } from '../../widgets/file-list';
import { useT } from '../../i18n';
import browse from '../../locales/en/browse';

interface Crumb {
  id: number;
  name: string;
}

/**
 * Ancestors of a folder, built from `parentfolderid` (pCloud's `path` is not reliable): cached
 * listings first, else a light `listfolder?nofiles` per missing ancestor.
 */
function useCrumbs(folder: FolderMetadata | undefined) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: ['folder', folder?.folderid, 'crumbs', folder?.parentfolderid, folder?.name],
    enabled: folder !== undefined,
    staleTime: 60_000,
    queryFn: async ({ signal }) => {
      const chain: Crumb[] = [];
      let cur: FolderMetadata | undefined = folder;
      while (cur && cur.folderid !== 0 && cur.parentfolderid !== undefined) {
        chain.unshift({ id: cur.folderid, name: cur.name });
        const parentId: number = cur.parentfolderid;
        const cached = qc.getQueryData(folderListingOptions(parentId).queryKey) as FolderMetadata | { metadata: FolderMetadata } | undefined;
        const meta = cached && 'metadata' in cached ? cached.metadata : cached;
        cur = meta ?? (await listFolder({ folderid: parentId, nofiles: true }, { signal })).metadata as FolderMetadata;
      }
      if (cur && cur.folderid !== 0) chain.unshift({ id: cur.folderid, name: cur.name });
      return chain;
    },
  });
}

export function Breadcrumbs({ folder, onDropItems }: { folder: FolderMetadata | undefined; onDropItems: (keys: string[], folderid: number) => void }) {
  const { data: chain = [] } = useCrumbs(folder);
  const t = useT(browse);
  const crumbs: Crumb[] = [{ id: 0, name: t('myFiles') }, ...chain];
  const drop = (id: number) => ({
    onDragOver: (e: DragEvent) => {
      if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
      e.preventDefault();
      (e.currentTarget as HTMLElement).classList.add('drop-target');
    },
    onDragLeave: (e: DragEvent) => (e.currentTarget as HTMLElement).classList.remove('drop-target'),
    onDrop: (e: DragEvent) => {
      (e.currentTarget as HTMLElement).classList.remove('drop-target');
      const raw = e.dataTransfer.getData(DRAG_TYPE);
      if (raw) {
        e.preventDefault();
        onDropItems(JSON.parse(raw) as string[], id);
      }
    },
  });
  return (
    <nav aria-label={t('breadcrumb')} className="crumbs">
      <ol>
        {crumbs.map((c, i) => (
          <li key={c.id}>
            {i === crumbs.length - 1 ? (
              <span aria-current="page" dir="auto" {...drop(c.id)}>
                {displayName(c.name)}
              </span>
            ) : (
              <Link to={paths.folder(c.id)} dir="auto" {...drop(c.id)}>
                {displayName(c.name)}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
