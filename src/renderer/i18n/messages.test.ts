import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ko } from './ko';

function leaves(tree: object, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else for (const [inner, text] of leaves(value as object, path)) found.set(inner, text);
  }
  return found;
}

const english = leaves(en);
const korean = leaves(ko);
const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((match) => match[1]).sort();

describe('interface text', () => {
  it('has every English key in Korean and no extra ones', () => {
    expect([...korean.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('has no empty text and the same placeholders in both languages', () => {
    for (const [key, text] of english) {
      expect(text.trim(), key).not.toBe('');
      expect(korean.get(key)!.trim(), key).not.toBe('');
      expect(placeholders(korean.get(key)!), key).toEqual(placeholders(text));
    }
  });

  it('is really translated: most Korean strings contain Hangul', () => {
    const withHangul = [...korean.values()].filter((text) => /[가-힣]/.test(text)).length;
    expect(withHangul / korean.size).toBeGreaterThan(0.9);
  });
});
