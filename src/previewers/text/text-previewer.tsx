import type { PreviewerProps } from '../source';
import { useT } from '../../i18n';
import { formatBytes } from '../../lib/format';
import viewer from '../../locales/en/viewer';
import { OtherPreview } from '../other';

/** Text previews above this size are offered as downloads instead. */
export const TEXT_PREVIEW_LIMIT = 2 * 1024 * 1024;

/** The file's text with line numbers. */
export default function TextPreviewer({ file, source }: PreviewerProps) {
  const t = useT(viewer);
  const tooBig = file.size > TEXT_PREVIEW_LIMIT;
  const text = source.useText(file, !tooBig);
  if (tooBig) return <OtherPreview file={file} source={source} note={t('tooLarge', { size: formatBytes(file.size, t.locale) })} />;
  if (text.error) return <p className="alert" role="alert">{source.describeError(text.error)}</p>;
  if (text.data === undefined) return <div className="loading" role="status" aria-label={t('loadingText')} />;
  // rendered as text nodes only: markup in the file stays inert
  return (
    <div className="text-view" role="document" aria-label={t('contentsOf', { name: file.name })} tabIndex={0}>
      <pre>
        {text.data.replace(/\r?\n$/, '').split(/\r?\n/).map((line, i) => (
          <span className="line" key={i}>
            <span className="ln" aria-hidden="true">
              {i + 1}
            </span>
            {line}
            {'\n'}
          </span>
        ))}
      </pre>
    </div>
  );
}
