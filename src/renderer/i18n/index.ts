import i18next from 'i18next';
import type { InterfaceLanguage } from '../../shared/settings';
import { en } from './en';
import { ko } from './ko';

export const resources = { en: { translation: en }, ko: { translation: ko } } as const;

export async function startI18n(language: InterfaceLanguage): Promise<void> {
  await i18next.init({
    resources,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  document.documentElement.lang = language;
}

export async function switchLanguage(language: InterfaceLanguage): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
