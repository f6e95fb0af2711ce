import { useTranslation } from '../../../i18n/useTranslation';
import { defaultBio, defaultHeadline } from '../../../../shared/article';
import type { Article, GlossaryTerm, Interview } from '../../../../shared/interview';
import type { SeriesSettings } from '../../../../shared/settings';

type Props = { interview: Interview; series: SeriesSettings; glossary: readonly GlossaryTerm[]; onChange: (article: Article) => void };

export function ArticleFields({ interview, series, glossary, onChange }: Props) {
  const { t } = useTranslation();
  const article = interview.article;
  const set = (patch: Partial<Article>) => onChange({ ...article, ...patch });
  return (
    <section className="panel article-fields">
      <h2>{t('edit.article')}</h2>
      <label className="field wide">
        <span>{t('edit.headline')}</span>
        <input value={article.headline} placeholder={defaultHeadline(interview, series)} onChange={(e) => set({ headline: e.target.value })} />
      </label>
      <label className="field wide">
        <span>{t('edit.dek')}</span>
        <input value={article.dek} onChange={(e) => set({ dek: e.target.value })} />
      </label>
      <label className="field">
        <span>{t('edit.publicationDate')}</span>
        <input type="date" value={article.publicationDate} onChange={(e) => set({ publicationDate: e.target.value })} />
      </label>
      <label className="field">
        <span>{t('edit.imageCredit')}</span>
        <input value={article.imageCredit} onChange={(e) => set({ imageCredit: e.target.value })} />
      </label>
      <label className="field wide">
        <span>{t('edit.topic')}</span>
        <input value={article.topic} onChange={(e) => set({ topic: e.target.value })} />
      </label>
      <div className="field wide">
        <label htmlFor="article-bio">{t('edit.bio')}</label>
        <span className="with-button">
          <textarea
            id="article-bio"
            rows={2}
            value={article.bio}
            placeholder={defaultBio(interview, article.topic, undefined, glossary)}
            onChange={(e) => set({ bio: e.target.value })}
          />
          <button type="button" className="button small" onClick={() => set({ bio: defaultBio(interview, article.topic, undefined, glossary) })}>
            {t('edit.generateBio')}
          </button>
        </span>
      </div>
      <label className="field wide">
        <span>{t('edit.closing')}</span>
        <textarea rows={3} value={article.closing} onChange={(e) => set({ closing: e.target.value })} />
      </label>
    </section>
  );
}
