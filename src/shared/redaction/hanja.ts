// Names written in Hanja (朴英姬, 會寧市): older defectors and the Korean press still write people
// and places in Chinese characters. Every Hanja has a Hangul reading (from the `hanja` package's
// table of 27,000 characters); a name is found in Hanja when each of its syllables is written with
// any character that reads as that syllable. Nobody has to list which characters a family uses.
import readings from 'hanja/lib/data/hanjaeum.json';

const READINGS = readings as Record<string, string>;

/**
 * Surnames read otherwise than the table's common reading: 金 is 금 (gold) in words but 김 as a
 * family name; 李 and 柳 and 林 keep their ㄹ only in the North (the other Korea's forms are added
 * where names are matched).
 */
const SURNAME_READINGS: Record<string, string[]> = { 金: ['김'], 李: ['이'], 柳: ['유'], 林: ['임'], 盧: ['노'], 羅: ['나'], 呂: ['여'], 梁: ['양'], 廉: ['염'], 陸: ['육'], 龍: ['용'] };

/** Is this a Hanja (any CJK ideograph the table reads)? */
export const isHanja = (char: string): boolean => READINGS[char] !== undefined;

/** Every Hangul reading of one Hanja: the table's, and a surname's own. */
export function hanjaReadings(char: string): string[] {
  const reading = READINGS[char];
  if (reading === undefined) return [];
  return [reading, ...(SURNAME_READINGS[char] ?? [])];
}

/** The text with each Hanja replaced by its (first) Hangul reading: 會寧 → 회령. */
export function readHanja(text: string): string {
  let result = '';
  for (const char of text) result += READINGS[char] ?? char;
  return result;
}

let bySyllable: Map<string, string> | null = null;

/** The characters that read as this Hangul syllable, as one string (for a RegExp class). */
export function hanjaReadAs(syllable: string): string {
  if (!bySyllable) {
    const building = new Map<string, string>();
    for (const char of Object.keys(READINGS)) {
      for (const reading of hanjaReadings(char)) building.set(reading, (building.get(reading) ?? '') + char);
    }
    bySyllable = building;
  }
  return bySyllable.get(syllable) ?? '';
}

/** Commonest Hanja of name syllables, for showing the editor one Hanja form of a name. */
const COMMON_NAME_HANJA: Record<string, string> = {
  김: '金', 이: '李', 리: '李', 박: '朴', 최: '崔', 정: '鄭', 강: '姜', 조: '趙', 윤: '尹', 장: '張', 임: '林', 림: '林', 한: '韓', 오: '吳', 서: '徐', 신: '申',
  권: '權', 황: '黃', 안: '安', 송: '宋', 류: '柳', 유: '柳', 홍: '洪', 전: '全', 고: '高', 문: '文', 양: '梁', 손: '孫', 배: '裵', 백: '白', 허: '許', 남: '南',
  영: '英', 희: '姬', 순: '順', 숙: '淑', 철: '哲', 호: '浩', 민: '敏', 수: '秀', 은: '恩', 미: '美', 자: '子', 옥: '玉', 일: '一', 성: '成', 광: '光', 혁: '赫',
  진: '眞', 현: '賢', 경: '京', 선: '善', 화: '花', 애: '愛', 란: '蘭', 향: '香', 금: '金', 복: '福', 석: '石', 준: '俊', 용: '龍', 춘: '春', 명: '明', 길: '吉',
  학: '學', 국: '國', 동: '東', 혜: '惠', 지: '智', 연: '蓮', 주: '珠', 원: '元', 우: '宇', 재: '在', 기: '基', 훈: '勳', 녀: '女', 덕: '德', 식: '植', 태: '泰',
  회: '會', 령: '寧', 시: '市', 군: '郡', 도: '道', 산: '山', 천: '川', 청: '淸', 함: '咸', 흥: '興', 평: '平', 무: '茂', 해: '海',
};

/** One Hanja spelling of a Korean name (the commonest character of each syllable), or null. */
export function commonHanjaForm(korean: string): string | null {
  const syllables = [...korean.replace(/\s+/g, '')];
  const chars = syllables.map((syllable) => COMMON_NAME_HANJA[syllable]);
  return chars.every(Boolean) ? chars.join('') : null;
}
