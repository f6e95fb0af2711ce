import { describe, expect, it } from 'vitest';
import { differingNumbers, numbersIn, sourceDifference } from './memory-diff';

describe('a memory match against this row', () => {
  it('marks what differs between the stored source and this one', () => {
    expect(sourceDifference('열세 살 때 처음 봤습니다.', '열두 살 때 처음 봤습니다.')).toEqual([
      { kind: 'same', text: '열' },
      { kind: 'onlyInMatch', text: '세' },
      { kind: 'onlyHere', text: '두' },
      { kind: 'same', text: ' 살 때 처음 봤습니다.' },
    ]);
  });

  it('finds numbers in digits and in Korean words, and says which differ', () => {
    expect(numbersIn('열세 살 때, 2014년에 두 명이')).toEqual(['열세', '2014', '두']);
    expect(numbersIn('새벽 다섯 시에 일어나서')).toEqual(['다섯']);
    expect(numbersIn('세상이 한국과 달랐어요')).toEqual([]);
    expect(differingNumbers('열세 살 때', '열두 살 때')).toEqual({ inMatch: ['열세'], here: ['열두'] });
    expect(differingNumbers('열여섯 살 때 알판을 봤습니다', '열일곱 살 때 알판을 봤습니다')).toEqual({ inMatch: ['열여섯'], here: ['열일곱'] });
    expect(differingNumbers('2014년 겨울', '2015년 겨울')).toEqual({ inMatch: ['2014'], here: ['2015'] });
    expect(differingNumbers('삼십 명이 왔어요', '이십 명이 왔어요')).toEqual({ inMatch: ['삼십'], here: ['이십'] });
    expect(differingNumbers('열세 살 때 봤어요', '열세 살 때 처음 봤어요')).toBeNull();
  });
});
