import { sourceDifference } from '../../shared/memory-diff';

/** One Korean source against another: what only the first has struck out, what only the second has underlined. */
export function SourceDiff({ before, after, beforeTitle, afterTitle }: { before: string; after: string; beforeTitle: string; afterTitle: string }) {
  return (
    <span lang="ko" className="memory-source">
      {sourceDifference(before, after).map((piece, index) =>
        piece.kind === 'same' ? (
          <span key={index}>{piece.text}</span>
        ) : piece.kind === 'onlyInMatch' ? (
          <del key={index} title={beforeTitle}>
            {piece.text}
          </del>
        ) : (
          <ins key={index} title={afterTitle}>
            {piece.text}
          </ins>
        ),
      )}
    </span>
  );
}
