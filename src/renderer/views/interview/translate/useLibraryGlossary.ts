// The library's glossary, loaded once per view: Translate shows and edits it, Edit & Export takes
// its place names for the bio line.
import { useEffect, useState } from 'react';
import type { GlossaryTerm } from '../../../../shared/interview';
import { call } from '../../../api';

export function useLibraryGlossary(): [GlossaryTerm[], (terms: GlossaryTerm[]) => void] {
  const [terms, setTerms] = useState<GlossaryTerm[]>([]);
  useEffect(() => {
    let live = true;
    void call('glossary.get', {}).then((result) => live && setTerms(result.terms));
    return () => {
      live = false;
    };
  }, []);
  return [terms, setTerms];
}
