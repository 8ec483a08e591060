// "Versions…": the earlier versions of one file, to download or restore.
import type { DialogProps } from '../../stores/dialogs';
import { Dialog } from '../../ui/dialog';
import { RevisionList } from '../../widgets/revision-list';
import { useT } from '../../i18n';
import common from '../../locales/en/common';
import viewer from '../../locales/en/viewer';
import { DialogActions } from '../../ui/dialog-actions';


export default function RevisionsDialog({ items, onClose }: DialogProps) {
  const t = useT(viewer);
  const tc = useT(common);
  const file = items.length === 1 && !items[0].isfolder ? items[0] : undefined;
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={file ? t('dialogTitle', { name: file.name }) : t('versions')} wide>
      {file ? <RevisionList file={file} /> : <p className="muted">{t('selectOneFile')}</p>}
      <DialogActions onCancel={onClose} cancelLabel={tc('close')} />
    </Dialog>
  );
}
