import { useEffect, useRef, useState } from 'react';
import type { PreviewerProps } from '../source';
import { useT } from '../../i18n';
import previews from '../../locales/en/previews';
import viewer from '../../locales/en/viewer';
import { useFileBytes } from './bytes';
import { inertCss, inertHtml } from './inert';

/** Renders .docx with docx-preview into a detached element, then shows only its sanitised result. */
async function renderDocx(bytes: Uint8Array): Promise<{ html: string; css: string }> {
  const { renderAsync } = await import('docx-preview');
  const body = document.createElement('div');
  const styles = document.createElement('div');
  await renderAsync(bytes, body, styles, {
    className: 'docx',
    inWrapper: true,
    ignoreFonts: true,
    breakPages: true,
    useBase64URL: true,
    renderAltChunks: false,
    renderComments: false,
    renderChanges: false,
    experimental: false,
  });
  return { html: inertHtml(body.innerHTML), css: inertCss(Array.from(styles.querySelectorAll('style'), (s) => s.textContent ?? '').join('\n')) };
}

export function DocxView({ file, source }: PreviewerProps) {
  const t = useT(previews);
  const tv = useT(viewer);
  const bytes = useFileBytes(source, file);
  const [out, setOut] = useState<{ html?: string; css?: string; error?: unknown }>({});
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!bytes.data) return;
    let live = true;
    renderDocx(bytes.data).then(
      (r) => live && setOut(r),
      (error: unknown) => live && setOut({ error }),
    );
    return () => {
      live = false;
    };
  }, [bytes.data]);
  const error = bytes.error ?? out.error;
  if (error) return <p className="alert" role="alert">{bytes.error ? source.describeError(error) : t('couldNotRender', { reason: error instanceof Error ? error.message : String(error) })}</p>;
  if (out.html === undefined) return <div className="loading" role="status" aria-label={t('loadingDocument')} />;
  return (
    <div className="doc-frame">
      <style>{out.css}</style>
      <div ref={box} className="doc-body docx-scroll" role="document" aria-label={tv('contentsOf', { name: file.name })} tabIndex={0} dangerouslySetInnerHTML={{ __html: out.html }} />
    </div>
  );
}
