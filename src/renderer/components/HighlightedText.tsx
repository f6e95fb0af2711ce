import { splitAtTerms, type RedactionTerm } from '../../shared/redaction';

/** Text with every sensitive term marked, so nobody overlooks one. */
export function HighlightedText({ text, terms }: { text: string; terms: RedactionTerm[] }) {
  if (terms.length === 0) return <>{text}</>;
  return (
    <>
      {splitAtTerms(text, terms).map((piece, index) =>
        piece.sensitive ? (
          <mark key={index} className="sensitive-term">
            {piece.text}
          </mark>
        ) : (
          <span key={index}>{piece.text}</span>
        ),
      )}
    </>
  );
}
