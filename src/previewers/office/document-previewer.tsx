import type { PreviewerProps } from '../source';
import { useT } from '../../i18n';
import previews from '../../locales/en/previews';
import { OtherPreview } from '../other';
import { extensionOf } from './bytes';
import { DocxView } from './docx-view';
import '../doc.css';
import './office.css';

/**
 * Word documents (.docx) rendered in the page. OpenDocument text (.odt) and RTF have no maintained
 * browser renderer we would trust with a visitor's file: they are a download.
 */
export default function DocumentPreviewer(props: PreviewerProps) {
  const t = useT(previews);
  const ext = extensionOf(props.file.name);
  const docx = ext === 'docx' || ext === 'docm' || props.file.contenttype === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (docx) return <DocxView {...props} />;
  return <OtherPreview file={props.file} source={props.source} note={t('noPreview')} />;
}
