import { inlineStretches } from '../../../../shared/inline-emphasis';
import { useMemo } from 'react';
import { useTranslation } from '../../../i18n/useTranslation';
import { articleOutline } from '../../../../shared/article';
import type { GlossaryTerm, Interview } from '../../../../shared/interview';
import { markReplacement, REPLACEMENT_END, REPLACEMENT_START, type RedactionTerm } from '../../../../shared/redaction/index';
import type { SeriesSettings } from '../../../../shared/settings';

/** Shows replaced terms highlighted; the markers come from applyRedactions(…, markReplacement). */
function Marked({ text }: { text: string }) {
  const pieces = text.split(new RegExp(`(${REPLACEMENT_START}[^${REPLACEMENT_END}]*${REPLACEMENT_END})`, 'u'));
  return (
    <>
      {pieces.map((piece, index) =>
        piece.startsWith(REPLACEMENT_START) ? (
          <mark key={index} className="replaced-term">
            {piece.slice(1, -1)}
          </mark>
        ) : (
          <Emphasized key={index} text={piece} />
        ),
      )}
    </>
  );
}

/** The body's *italic* and **bold**, shown as they will be published. */
function Emphasized({ text }: { text: string }) {
  return (
    <>
      {inlineStretches(text).map((stretch, index) =>
        stretch.emphasis === 'italic' ? <em key={index}>{stretch.text}</em> : stretch.emphasis === 'bold' ? <strong key={index}>{stretch.text}</strong> : <span key={index}>{stretch.text}</span>,
      )}
    </>
  );
}

type Props = { interview: Interview; series: SeriesSettings; terms: RedactionTerm[]; glossary: readonly GlossaryTerm[] };

export function ArticlePreview({ interview, series, terms, glossary }: Props) {
  const { t } = useTranslation();
  const outline = useMemo(() => articleOutline(interview, series, terms, markReplacement, undefined, glossary), [interview, series, terms, glossary]);
  const notes: string[] = [];
  return (
    <aside className="preview" aria-label={t('edit.preview')} data-testid="article-preview">
      <div className="preview-label">
        {t('edit.preview')} <span className="muted small">{t('edit.previewHint')}</span>
      </div>
      <article className="page" lang="en">
        <h1>
          <Marked text={outline.headline} />
        </h1>
        {outline.dek && (
          <p className="dek">
            <Marked text={outline.dek} />
          </p>
        )}
        {outline.dateLine && <p className="dateline">{outline.dateLine}</p>}
        {outline.imageCredit && (
          <p className="credit">
            <Marked text={outline.imageCredit} />
          </p>
        )}
        {[outline.boilerplate, outline.howToSubmit].filter(Boolean).map((text) => (
          <blockquote key={text}>
            <Marked text={text} />
          </blockquote>
        ))}
        <h2>
          <Marked text={outline.questionLine} />
        </h2>
        <p>
          <Marked text={outline.bio} />
        </p>
        <p>
          <Marked text={outline.followUp} />
        </p>
        {outline.sections.map((section, sectionIndex) => (
          <section key={sectionIndex} className="preview-section">
            {section.map((paragraph, index) => {
              const content = (
                <>
                  <Marked text={paragraph.text} />
                  {paragraph.notes.map((note) => {
                    notes.push(note);
                    return <sup key={notes.length}>{notes.length}</sup>;
                  })}
                </>
              );
              if (paragraph.role === 'subhead') return <h3 key={index}>{content}</h3>;
              if (paragraph.role === 'pullQuote') return <blockquote key={index} className="pull-quote">{content}</blockquote>;
              return (
                <p key={index} className={paragraph.role === 'editorsNote' ? 'editors-note' : undefined}>
                  {content}
                </p>
              );
            })}
          </section>
        ))}
        {outline.closing && (
          <p>
            <Marked text={outline.closing} />
          </p>
        )}
        {notes.length > 0 && (
          <ol className="footnotes" aria-label={t('edit.notes')}>
            {notes.map((note, index) => (
              <li key={index}>
                <Marked text={note} />
              </li>
            ))}
          </ol>
        )}
      </article>
    </aside>
  );
}
