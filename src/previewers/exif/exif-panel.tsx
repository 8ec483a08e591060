import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import previews from '../../locales/en/previews';
import { formatCoordinates, formatExposureTime, readDetails, type PhotoDetails } from './exif';
import './exif.css';

/** The camera details of a photo; GPS only when the file has a position. */
export function ExifPanel({ url }: { url: string | undefined }) {
  const t = useT(previews);
  const [details, setDetails] = useState<PhotoDetails | null>(null);
  useEffect(() => {
    if (!url) return;
    let live = true;
    readDetails(url).then(
      (d) => live && setDetails(d),
      () => live && setDetails({}),
    );
    return () => {
      live = false;
    };
  }, [url]);
  const rows: Array<[string, string]> = [];
  if (details?.camera) rows.push([t('camera'), details.camera]);
  if (details?.lens) rows.push([t('lens'), details.lens]);
  const e = details?.exposure;
  if (e) rows.push([t('exposure'), t('exposureValue', { time: e.time ? formatExposureTime(e.time) : '–', aperture: e.aperture ?? '–', iso: e.iso ?? '–' })]);
  if (details?.focalLength) rows.push([t('focalLength'), t('focalValue', { mm: details.focalLength })]);
  if (details?.taken) rows.push([t('taken'), formatDate(details.taken.toISOString(), t.locale)]);
  if (details?.gps) rows.push([t('location'), formatCoordinates(details.gps)]);
  return (
    <aside className="exif-panel" aria-label={t('details')}>
      <h3>{t('details')}</h3>
      {details === null ? (
        <div className="loading small" role="status" aria-label={t('details')} />
      ) : rows.length === 0 ? (
        <p className="muted">{t('noDetails')}</p>
      ) : (
        <dl>
          {rows.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
    </aside>
  );
}
