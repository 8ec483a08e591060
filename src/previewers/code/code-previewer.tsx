import { useEffect, useMemo, useState } from 'react';
import type { PreviewerProps } from '../source';
import { useT } from '../../i18n';
import { formatBytes } from '../../lib/format';
import previews from '../../locales/en/previews';
import viewer from '../../locales/en/viewer';
import { OtherPreview } from '../other';
import { CodeLines } from './code-lines';
import { highlight, languageOf, splitHighlightedLines } from './highlight';
import '../doc.css';
import './code.css';

/** Bigger files are offered as downloads; the text arrives in one gettextfile reply. */
export const CODE_PREVIEW_LIMIT = 16 * 1024 * 1024;
/** Highlighting is synchronous work on the main thread: past this the text is shown plain. */
const HIGHLIGHT_LIMIT = 512 * 1024;

const WRAP_KEY = 'pcloud.code.wrap';

/** Source code and plain text: line numbers, colours for known languages, wrap toggle, virtual rows. */
export default function CodePreviewer({ file, source }: PreviewerProps) {
  const t = useT(previews);
  const tv = useT(viewer);
  const tooBig = file.size > CODE_PREVIEW_LIMIT;
  const text = source.useText(file, !tooBig);
  const [wrap, setWrap] = useState(() => localStorage.getItem(WRAP_KEY) === '1');
  const language = languageOf(file.name);
  const [coloured, setColoured] = useState<string[] | null>(null);
  const plain = useMemo(() => (text.data === undefined ? [] : text.data.replace(/\r?\n$/, '').split(/\r?\n/)), [text.data]);

  useEffect(() => {
    if (text.data === undefined || !language || text.data.length > HIGHLIGHT_LIMIT) return;
    let live = true;
    void highlight(text.data.replace(/\r?\n$/, '').replace(/\r\n/g, '\n'), language).then((html) => {
      if (live && html !== null) setColoured(splitHighlightedLines(html));
    });
    return () => {
      live = false;
    };
  }, [text.data, language]);

  if (tooBig) return <OtherPreview file={file} source={source} note={tv('tooLarge', { size: formatBytes(file.size, t.locale) })} />;
  if (text.error) return <p className="alert" role="alert">{source.describeError(text.error)}</p>;
  if (text.data === undefined) return <div className="loading" role="status" aria-label={tv('loadingText')} />;
  return (
    <div className="doc-frame">
      <div className="doc-tools">
        <span className="doc-status">{t('lineCount', { count: plain.length })}</span>
        <span className="spacer" />
        <label>
          <input
            type="checkbox"
            checked={wrap}
            onChange={(e) => {
              setWrap(e.target.checked);
              localStorage.setItem(WRAP_KEY, e.target.checked ? '1' : '0');
            }}
          />
          {t('wrapLines')}
        </label>
      </div>
      <CodeLines lines={coloured ?? plain} html={!!coloured} wrap={wrap} label={tv('contentsOf', { name: file.name })} />
    </div>
  );
}
