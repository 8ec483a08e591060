// "Save to my pCloud" for a signed-in visitor: server-side copies into a folder they pick, which move
// no bytes through the browser and do not count against the link's download or traffic limits.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { PcloudError } from '../../api/errors';
import { useT } from '../../i18n';
import common from '../../locales/en/common';
import pub from '../../locales/en/public';
import { copyPubFileMutation, savePubZipMutation } from '../../queries/publinks';
import { fileParam, type PublicLink } from '../../queries/public';
import { useSession } from '../../stores/session';
import { toast } from '../../stores/toasts';
import { FolderPickerDialog } from '../../widgets/dialogs';
import { actionError } from './problems';
import { zipName } from './tree';
import { Button } from '../../ui/button';

export type SaveTarget =
  | { kind: 'file'; fileid: number; name: string }
  /** A zip of some files/folders of the link, or of all of it when both lists are empty. */
  | { kind: 'zip'; fileids: readonly number[]; folderids: readonly number[]; name: string };

const NO_EXCLUSIONS: ReadonlySet<number> = new Set();

export function SaveButton({ link, target, label }: { link: PublicLink; target: SaveTarget; label?: string }) {
  const t = useT(pub);
  const tc = useT(common);
  const session = useSession();
  const [picking, setPicking] = useState(false);
  const copy = useMutation(copyPubFileMutation);
  const zip = useMutation(savePubZipMutation);
  if (!session) return null;
  const busy = copy.isPending || zip.isPending;

  const save = async (tofolderid: number) => {
    setPicking(false);
    try {
      if (target.kind === 'file') {
        const { metadata } = await copy.mutateAsync({ code: link.code, fileid: fileParam(link, target.fileid), tofolderid, noover: true });
        toast({ kind: 'success', message: t('saved', { name: metadata.name }) });
      } else {
        const { metadata } = await zip.mutateAsync({
          code: link.code,
          fileids: target.fileids.length ? target.fileids : undefined,
          folderids: target.folderids.length ? target.folderids : undefined,
          tofolderid,
          toname: zipName(target.name),
        });
        toast({ kind: 'success', message: t('saved', { name: metadata.name }) });
      }
    } catch (err) {
      const reason = err instanceof PcloudError && err.kind === 'exists' ? t('nameTaken') : actionError(err);
      toast({ kind: 'error', message: t('saveFailed', { reason }) });
    }
  };

  return (
    <>
      <Button icon="copy" onClick={() => setPicking(true)} disabled={busy} aria-busy={busy || undefined}>
        {busy ? t('saving') : (label ?? t('saveToPcloud'))}
      </Button>
      {picking && (
        <FolderPickerDialog open title={t('saveToPcloud')} action={tc('save')} onClose={() => setPicking(false)} onPick={(id) => void save(id)} exclude={NO_EXCLUSIONS} />
      )}
    </>
  );
}
