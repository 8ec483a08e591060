import { useEffect, useMemo, useRef, useState } from 'react';
import type { FileMetadata } from '../../api/protocol/types';
import type { PreviewerProps, PreviewSource } from '../source';
import { useT } from '../../i18n';
import previews from '../../locales/en/previews';
import viewer from '../../locales/en/viewer';
import { highlight, languageOfFence } from '../code/highlight';
import { renderMarkdown, resolveRelative } from './render';
import '../doc.css';
import '../code/code.css';
import './markdown.css';

/** Asks the source for one picture's URL and reports it: a hook per picture, so a component per picture. */
function PictureUrl({ file, source, onUrl }: { file: FileMetadata; source: PreviewSource; onUrl: (name: string, url: string) => void }) {
  const url = source.useImageUrl(file);
  useEffect(() => {
    if (url.data) onUrl(file.name, url.data);
  }, [url.data, file.name, onUrl]);
  return null;
}

/** A Markdown file rendered (sanitised); pictures next to it in the folder are shown, code is coloured. */
export default function MarkdownPreviewer({ file, source }: PreviewerProps) {
  const t = useT(previews);
  const tv = useT(viewer);
  const text = source.useText(file, true);
  const html = useMemo(() => (text.data === undefined ? '' : renderMarkdown(text.data)), [text.data]);
  const body = useRef<HTMLElement>(null);
  const [urls, setUrls] = useState<Record<string, string>>({});
  const onUrl = useMemo(() => (name: string, url: string) => setUrls((u) => (u[name] === url ? u : { ...u, [name]: url })), []);

  // pictures the document shows by relative path, among the folder's files
  const pictures = useMemo(() => {
    const siblings = source.siblings(file).filter((f) => f.fileid !== file.fileid);
    const names = siblings.map((f) => f.name);
    const wanted = new Set<FileMetadata>();
    for (const m of html.matchAll(/data-rel="([^"]*)"/g)) {
      const name = resolveRelative(m[1].replace(/&amp;/g, '&'), names);
      const hit = name === undefined ? undefined : siblings.find((f) => f.name === name);
      if (hit) wanted.add(hit);
    }
    return [...wanted];
  }, [html, source, file]);

  useEffect(() => {
    const root = body.current;
    if (!root) return;
    const names = Object.keys(urls);
    for (const img of root.querySelectorAll<HTMLImageElement>('img[data-rel]')) {
      const name = resolveRelative(img.dataset.rel ?? '', names);
      if (name && img.src !== urls[name]) {
        img.referrerPolicy = 'no-referrer';
        img.src = urls[name];
      }
    }
  }, [urls, html]);

  useEffect(() => {
    const root = body.current;
    if (!root) return;
    for (const img of root.querySelectorAll<HTMLImageElement>('img[data-remote]')) {
      img.replaceWith(Object.assign(document.createElement('span'), { className: 'md-remote', textContent: t('remoteImage', { alt: img.alt || '…' }) }));
    }
    // a task list's boxes are named by their item's text
    for (const box of root.querySelectorAll<HTMLInputElement>('li > input[type="checkbox"]')) box.setAttribute('aria-label', box.parentElement?.textContent?.trim() ?? '');
    let live = true;
    for (const code of root.querySelectorAll<HTMLElement>('pre > code[class*="language-"]')) {
      const lang = languageOfFence(/language-(\S+)/.exec(code.className)?.[1] ?? '');
      // highlight.js escapes what it returns: the result is as inert as the text it replaces
      if (lang) void highlight(code.textContent ?? '', lang).then((h) => live && h !== null && (code.innerHTML = h));
    }
    return () => {
      live = false;
    };
  }, [html, t]);

  if (text.error) return <p className="alert" role="alert">{source.describeError(text.error)}</p>;
  if (text.data === undefined) return <div className="loading" role="status" aria-label={tv('loadingText')} />;
  return (
    <div className="doc-frame">
      {pictures.map((f) => (
        <PictureUrl key={f.fileid} file={f} source={source} onUrl={onUrl} />
      ))}
      <div className="doc-body" tabIndex={0}>
        <article ref={body} className="markdown-body hljs-scope" aria-label={tv('contentsOf', { name: file.name })} dangerouslySetInnerHTML={{ __html: html }} />
      </div>
    </div>
  );
}
