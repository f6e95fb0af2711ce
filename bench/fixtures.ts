// Builds large, realistic interviews for benchmarks: Korean source, English translation.
import { newInterview, newSegment, type Interview } from '../src/shared/interview';

const korean = '고난의 행군 때 배급이 끊겼습니다. 그때부터 어머니가 장마당에서 국수를 팔기 시작하셨어요.';
const english = 'The rations stopped during the Arduous March. From then on, my mother sold noodles at the market.';

export function largeInterview(id: string, segmentCount: number): Interview {
  const interview = newInterview(id, `Benchmark ${id}`, new Date().toISOString());
  interview.narrator.pseudonym = 'Bench';
  interview.speakers = [
    { id: 'spk-a', name: 'Interviewer', color: '#2f5d8a' },
    { id: 'spk-b', name: 'Narrator', color: '#b5651d' },
  ];
  interview.segments = Array.from({ length: segmentCount }, (_, index) =>
    newSegment({
      id: `seg-${index + 1}`,
      start: index * 4.3,
      end: index * 4.3 + 4,
      speakerId: index % 2 ? 'spk-b' : 'spk-a',
      source: `${korean} (${index})`,
      translation: `${english} (${index})`,
    }),
  );
  return interview;
}
