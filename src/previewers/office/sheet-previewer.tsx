import { useMemo, useState } from 'react';
import type { PreviewerProps } from '../source';
import { useT } from '../../i18n';
import previews from '../../locales/en/previews';
import { OtherPreview } from '../other';
import { extensionOf, useFileBytes } from './bytes';
import { guessDelimiter, parseDelimited } from './csv';
import { SheetTable } from './sheet-table';
import { MAX_ROWS, readOds, readXlsx, type Sheet } from './sheets';
import '../doc.css';
import './office.css';
import { Button } from '../../ui/button';

const TEXT_SHEETS = new Set(['csv', 'tsv']);

function parse(ext: string, bytes: Uint8Array): Sheet[] {
  return ext === 'ods' ? readOds(bytes) : readXlsx(bytes);
}

/** A delimited text file as one sheet. */
function TextSheet({ file, source }: PreviewerProps) {
  const text = source.useText(file, true);
  const sheet = useMemo((): Sheet[] | undefined => {
    if (text.data === undefined) return undefined;
    const delimiter = extensionOf(file.name) === 'tsv' ? '\t' : guessDelimiter(text.data);
    const rows = parseDelimited(text.data, delimiter, MAX_ROWS + 1);
    return [{ name: file.name, rows: rows.slice(0, MAX_ROWS), cut: rows.length > MAX_ROWS }];
  }, [text.data, file.name]);
  return <Workbook sheets={sheet} error={text.error} source={source} />;
}

function BinarySheet({ file, source }: PreviewerProps) {
  const bytes = useFileBytes(source, file);
  const parsed = useMemo((): { sheets?: Sheet[]; error?: unknown } => {
    if (!bytes.data) return {};
    try {
      return { sheets: parse(extensionOf(file.name), bytes.data) };
    } catch (error) {
      return { error };
    }
  }, [bytes.data, file.name]);
  return <Workbook sheets={parsed.sheets} error={bytes.error ?? parsed.error} source={source} />;
}

function Workbook({ sheets, error, source }: { sheets: Sheet[] | undefined; error: unknown; source: PreviewerProps['source'] }) {
  const t = useT(previews);
  const [at, setAt] = useState(0);
  if (error) return <p className="alert" role="alert">{source.describeError(error)}</p>;
  if (!sheets) return <div className="loading" role="status" aria-label={t('loadingDocument')} />;
  const sheet = sheets[Math.min(at, sheets.length - 1)];
  return (
    <div className="doc-frame">
      {sheets.length > 1 && (
        <div className="doc-tools sheet-tabs" role="tablist" aria-label={t('sheetTabs')}>
          {sheets.map((s, i) => (
            <Button key={i} role="tab" aria-selected={i === at} onClick={() => setAt(i)}>
              {s.name}
            </Button>
          ))}
        </div>
      )}
      {sheet?.cut && <p className="doc-status sheet-note">{t('rowsCut', { count: sheet.rows.length })}</p>}
      {!sheet || sheet.rows.length === 0 ? <p className="doc-status sheet-note">{t('emptySheet')}</p> : <SheetTable key={at} rows={sheet.rows} label={t('sheetTable', { name: sheet.name })} />}
    </div>
  );
}

/** .xlsx, .ods, .csv and .tsv as a table with a tab per sheet; other spreadsheets are a download. */
export default function SheetPreviewer(props: PreviewerProps) {
  const t = useT(previews);
  const ext = extensionOf(props.file.name);
  if (TEXT_SHEETS.has(ext) || /^text\//.test(props.file.contenttype)) return <TextSheet {...props} />;
  if (ext === 'xlsx' || ext === 'xlsm' || ext === 'ods') return <BinarySheet {...props} />;
  return <OtherPreview file={props.file} source={props.source} note={t('noPreview')} />;
}
