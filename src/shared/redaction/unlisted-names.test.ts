import { describe, expect, it } from 'vitest';
import { findUnlistedNames, HYPHENATED_LOWER_CASE, hyphenatedLowerCaseWords } from './unlisted-names';

const names = (text: string, known: string[] = []) => findUnlistedNames(text, { known }).map((found) => found.name);

describe('names nobody listed', () => {
  it('finds capitalised names inside sentences and sentence-initial ones that are no common word', () => {
    expect(names('My aunt Soon-ok Rhee took us to Musan. Hyesan was far. Then we left.')).toEqual(['Hyesan', 'Musan', 'Soon-ok Rhee']);
  });
  it('ignores what is known: glossary, allow list, pseudonym, calendar, countries', () => {
    expect(names('In March, Lee Ji-woo saw the jangmadang in North Korea and China. I left on Monday.', ['Lee Ji-woo', 'jangmadang (market)'])).toEqual([]);
  });
  it('strips possessives and counts repeats once', () => {
    expect(findUnlistedNames("Chol-su's bike. Chol-su said no.", { known: [] })).toEqual([{ name: 'Chol-su', script: 'latin', count: 2 }]);
  });
  it('finds Korean names with titles, common full names, and place names', () => {
    expect(names('영수 씨가 왔어요. 김영희는 혜산시에서 살았고 연봉동으로 갔어요. 이야기를 했어요. 회령에서 자랐어요.').sort()).toEqual(['김영희', '연봉동', '영수', '혜산시', '회령'].sort());
  });
  it('does not flag allowed Korean terms', () => {
    expect(names('장마당에서 팔았어요. 회령에서.', ['회령'])).toEqual([]);
  });
  it('does not flag ordinary sentence openers or Korean verbs and particles', () => {
    expect(names('Hello. Crossing was hard. Time passed. Recorded: 2026 · Languages: ko')).toEqual([]);
    expect(names('걸리면 무섭기도 했어요. 우리는 다시 갔어요.')).toEqual([]);
  });
  it('takes a title as belonging to the word before it only within a sentence: a verb before "언니는" in the next sentence is no name', () => {
    expect(names('우리는 다시 일했어요. 언니는 무섭기도 했어요! 갔어요? 오빠가 왔어요.')).toEqual([]);
    expect(names('그날 순자 언니가 왔어요.')).toEqual(['순자']);
  });
  it('takes no adverb, pronoun or counted number before a kinship title for a name, but still a name that is also a word', () => {
    expect(names('지금 언니는 한국에 살아요. 자기 오빠가 왔어요. 우선 이모가 갔어요. 둘이 언니랑 갔어요. 이번엔 오빠가 왔어요. 종종 삼촌이 왔어요.')).toEqual([]);
    expect(names('지혜 언니가 왔어요. 현재 오빠는 한국에 있어요.').sort()).toEqual(['지혜', '현재'].sort());
    expect(names('그날 이 선생님이 왔어요.')).toEqual(['이 선생님이']);
  });
  it('takes no verb or adjective before a title for a name when no comma parts them, but keeps a place with its ending', () => {
    expect(names('그래서 갔어요 언니 그치. 밥 먹었다 오빠가 말했어요. 고생했습니다 선생님. 좋아요 언니. 왔는데 오빠가 없었어요. 그랬죠 이모. 힘들었어 오빠.')).toEqual([]);
    expect(names('청진에서요 언니가 왔어요.')).toEqual(['청진']);
    expect(names('밤에 언니가 왔어요. 집에 오빠가 있었어요.')).toEqual([]);
    expect(names('리에 언니가 일본에서 왔어요. 그래서 미요 언니는 남았어요.').sort()).toEqual(['리에', '미요'].sort());
    expect(names('그렇게 해요 언니.')).toEqual([]);
  });
  it('flags a romanised Korean word even at the start of a sentence, and provinces in Korean', () => {
    expect(names('Hyesan was cold. 양강도에서 왔어요.')).toEqual(['Hyesan', '양강도']);
  });

  it('leaves a Korean particle off a romanised name: a known pseudonym with 의 is still known', () => {
    expect(names('Lee Ji-woo의 어머니는 Hoeryong에 살았어요.', ['Lee Ji-woo'])).toEqual(['Hoeryong']);
  });
});

describe('hyphenated lower-case words, looked for line by line', () => {
  it('finds exactly what the pattern finds over the whole text', () => {
    // Letters of both cases and scripts (an astral lower-case letter too), hyphens, apostrophes,
    // line breaks (\n and \r\n), spaces: the pattern over the whole text is the answer.
    const alphabet = ['a', 'o', 'j', 'u', 'S', 'é', '한', '𝑎', '-', '-', '-', "'", '’', '\n', '\r', ' ', ' ', '.', '1'];
    let seed = 3;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    let withMatches = 0;
    for (let round = 0; round < 20_000; round += 1) {
      const text = Array.from({ length: 2 + Math.floor(next() * 24) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const whole = [...text.matchAll(new RegExp(HYPHENATED_LOWER_CASE.source, 'gu'))].map((match) => match[0]);
      expect(hyphenatedLowerCaseWords(text), JSON.stringify(text)).toEqual(whole);
      if (whole.length > 0) withMatches += 1;
    }
    expect(withMatches).toBeGreaterThan(500);
    expect(hyphenatedLowerCaseWords('we met soon-ja.\nthen young-hee and bye-bye\nno hyphen here')).toEqual(['soon-ja', 'young-hee', 'bye-bye']);
  });
});
