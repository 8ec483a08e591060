// What to do with the files of an upload whose names are taken; loaded when that first happens.
import { Dialog } from '../ui/dialog';
import type { ConflictChoice } from './signed-in-uploads';
import { useT } from '../i18n';
import upload from '../locales/en/upload';
import { Button } from '../ui/button';
import { DialogActions } from '../ui/dialog-actions';

export interface Question {
  names: string[];
  resolve: (c: ConflictChoice | null) => void;
}

export default function ConflictQuestion({ q }: { q: Question | null }) {
  const t = useT(upload);
  if (!q) return null;
  const shown = q.names.slice(0, 5);
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && q.resolve(null)}
      title={t('conflictTitle', { count: q.names.length })}
      description={t('conflictHelp')}
    >
      <ul className="name-list">
        {shown.map((n) => (
          <li key={n} dir="auto">
            {n}
          </li>
        ))}
        {q.names.length > shown.length && <li className="muted">{t('andMore', { count: q.names.length - shown.length })}</li>}
      </ul>
      <DialogActions>
        <Button onClick={() => q.resolve('skip')}>
          {t('skipThem')}
        </Button>
        <Button onClick={() => q.resolve('keep-both')}>
          {t('keepBoth')}
        </Button>
        <Button variant="danger" onClick={() => q.resolve('replace')}>
          {t('replace')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
