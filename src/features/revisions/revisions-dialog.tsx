// "Versions…": the earlier versions of one file, to download or restore.
import type { DialogProps } from '../../stores/dialogs';
import { Dialog } from '../../ui/dialog';
import { RevisionList } from './revision-list';

export default function RevisionsDialog({ items, onClose }: DialogProps) {
  const file = items.length === 1 && !items[0].isfolder ? items[0] : undefined;
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={file ? `Versions of “${file.name}”` : 'Versions'} wide>
      {file ? <RevisionList file={file} /> : <p className="muted">Select one file to see its versions.</p>}
      <div className="dialog-actions">
        <button className="btn" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
