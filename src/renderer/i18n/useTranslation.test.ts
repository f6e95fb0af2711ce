import i18next, { type TFunction } from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { resources } from './index';
import { remembering } from './useTranslation';

describe('remembered lookups', () => {
  it('give what i18next gives, and look each key (with its values) up once per language', async () => {
    const instance = i18next.createInstance();
    await instance.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
    const english = instance.getFixedT('en') as TFunction;
    const spy = vi.fn(english);
    const t = remembering(spy as unknown as TFunction);
    expect(t('transcribe.zoom')).toBe(english('transcribe.zoom'));
    expect(t('transcribe.zoom')).toBe(english('transcribe.zoom'));
    expect(t('transcribe.coverage', { percent: 40 })).toBe(english('transcribe.coverage', { percent: 40 }));
    expect(t('transcribe.coverage', { percent: 40 })).toBe(english('transcribe.coverage', { percent: 40 }));
    expect(t('transcribe.coverage', { percent: 41 })).toBe(english('transcribe.coverage', { percent: 41 }));
    expect(spy).toHaveBeenCalledTimes(3);
    // The same lookup remembers across components; another language's lookup has its own memory.
    expect(remembering(spy as unknown as TFunction)).toBe(t);
    const korean = remembering(instance.getFixedT('ko') as TFunction);
    expect(korean('transcribe.zoom')).toBe(instance.getFixedT('ko')('transcribe.zoom'));
    expect(korean('transcribe.zoom')).not.toBe(t('transcribe.zoom'));
  });

  it('does not remember calls whose values are objects (they may change inside)', async () => {
    const instance = i18next.createInstance();
    await instance.init({ resources, lng: 'en', interpolation: { escapeValue: false } });
    const spy = vi.fn(instance.getFixedT('en') as TFunction);
    const t = remembering(spy as unknown as TFunction);
    const values = { percent: 10 };
    t('transcribe.coverage', { nested: values } as never);
    t('transcribe.coverage', { nested: values } as never);
    expect(spy).toHaveBeenCalledTimes(2);
  });
});
