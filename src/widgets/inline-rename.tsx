import { useEffect, useRef, useState } from 'react';
import type { Metadata } from '../api/protocol/types';
import { nameProblem } from '../lib/items';
import { useT } from '../i18n';
import browse from '../locales/en/browse';

/** Inline name editor: Enter saves, Escape cancels; the extension is left unselected. */
export function InlineRename({ item, onDone }: { item: Metadata; onDone: (name: string | null) => void }) {
  const t = useT(browse);
  const [value, setValue] = useState(item.name);
  const ref = useRef<HTMLInputElement>(null);
  const problem = nameProblem(value);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    const dot = item.isfolder ? -1 : item.name.lastIndexOf('.');
    el.setSelectionRange(0, dot > 0 ? dot : item.name.length);
  }, [item]);
  return (
    <span className="rename">
      <input
        ref={ref}
        aria-label={t('newNameFor', { name: item.name })}
        aria-invalid={problem ? true : undefined}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter' && !problem) onDone(value);
          if (e.key === 'Escape') onDone(null);
        }}
        onBlur={() => onDone(problem ? null : value)}
      />
      {problem && <span className="field-error" role="alert">{problem}</span>}
    </span>
  );
}
