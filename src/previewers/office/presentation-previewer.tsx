import { useEffect, useMemo } from 'react';
import type { PreviewerProps } from '../source';
import { useT } from '../../i18n';
import previews from '../../locales/en/previews';
import { OtherPreview } from '../other';
import { extensionOf, useFileBytes } from './bytes';
import { readPptx, type Slide } from './slides';
import '../doc.css';
import './office.css';

function Outline({ file, source }: PreviewerProps) {
  const t = useT(previews);
  const bytes = useFileBytes(source, file);
  const parsed = useMemo((): { slides?: Array<Slide & { urls: string[] }>; error?: unknown } => {
    if (!bytes.data) return {};
    try {
      return { slides: readPptx(bytes.data).map((s) => ({ ...s, urls: s.pictures.map((p) => URL.createObjectURL(new Blob([p.bytes as BlobPart], { type: p.type }))) })) };
    } catch (error) {
      return { error };
    }
  }, [bytes.data]);
  useEffect(() => () => parsed.slides?.forEach((s) => s.urls.forEach((u) => URL.revokeObjectURL(u))), [parsed.slides]);
  const error = bytes.error ?? parsed.error;
  if (error) return <p className="alert" role="alert">{source.describeError(error)}</p>;
  if (!parsed.slides) return <div className="loading" role="status" aria-label={t('loadingDocument')} />;
  return (
    <div className="doc-frame">
      <ol className="doc-body slides" aria-label={t('slides')}>
        {parsed.slides.map((s, i) => (
          <li key={i} className="slide" aria-label={t('slide', { index: i + 1 })}>
            <span className="slide-no">{t('slide', { index: i + 1 })}</span>
            {s.paragraphs[0] && <h3>{s.paragraphs[0]}</h3>}
            {s.paragraphs.length > 1 && (
              <ul>
                {s.paragraphs.slice(1).map((p, j) => (
                  <li key={j}>{p}</li>
                ))}
              </ul>
            )}
            {s.urls.map((u, j) => (
              <img key={j} src={u} alt={t('slideImage', { index: i + 1 })} />
            ))}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** .pptx as an outline of its slides; other presentation formats are a download. */
export default function PresentationPreviewer(props: PreviewerProps) {
  const t = useT(previews);
  if (extensionOf(props.file.name) === 'pptx') return <Outline {...props} />;
  return <OtherPreview file={props.file} source={props.source} note={t('noPreview')} />;
}
