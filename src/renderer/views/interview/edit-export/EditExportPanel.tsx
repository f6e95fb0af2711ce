import { useMemo } from 'react';
import { useTranslation } from '../../../i18n/useTranslation';
import type { Interview } from '../../../../shared/interview';
import { glossaryInUse } from '../../../../shared/glossary';
import { redactionTerms } from '../../../../shared/redaction/index';
import type { Settings } from '../../../../shared/settings';
import { ArticleFields } from './ArticleFields';
import { ArticlePreview } from './ArticlePreview';
import { BodyComposer } from './BodyComposer';
import { ExportBox } from './ExportBox';
import { PublishRecording } from './PublishRecording';
import { RedactionEditor } from './RedactionEditor';
import { useLibraryGlossary } from '../translate/useLibraryGlossary';

type Props = { interview: Interview; settings: Settings; mediaBaseUrl: string; onChange: (next: Interview) => void; beforeExport: () => Promise<void> };

export function EditExportPanel({ interview, settings, mediaBaseUrl, onChange, beforeExport }: Props) {
  const { t } = useTranslation();
  const { narrator, redactions } = interview;
  const terms = useMemo(() => redactionTerms({ narrator, redactions }), [narrator, redactions]);
  const [libraryGlossary] = useLibraryGlossary();
  // Place names for the bio line, as the export will use them.
  const glossary = useMemo(() => glossaryInUse(libraryGlossary, interview.glossary), [libraryGlossary, interview.glossary]);
  const setArticle = (article: Interview['article']) => onChange({ ...interview, article });
  return (
    <div className="edit-export">
      <div className="edit-column">
        <ArticleFields interview={interview} series={settings.series} glossary={glossary} onChange={setArticle} />
        <section className="panel">
          <h2>{t('edit.body')}</h2>
          <BodyComposer interview={interview} onChange={setArticle} />
        </section>
        <RedactionEditor interview={interview} onChange={onChange} />
        <ExportBox interview={interview} onChange={onChange} beforeExport={beforeExport} />
        <PublishRecording interview={interview} mediaBaseUrl={mediaBaseUrl} onChange={onChange} beforeExport={beforeExport} />
      </div>
      <ArticlePreview interview={interview} series={settings.series} terms={terms} glossary={glossary} />
    </div>
  );
}
