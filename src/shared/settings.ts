import { z } from 'zod';

export const interfaceLanguages = ['en', 'ko'] as const;
export const InterfaceLanguage = z.enum(interfaceLanguages);
export type InterfaceLanguage = z.infer<typeof InterfaceLanguage>;

export const Settings = z.object({
  interfaceLanguage: InterfaceLanguage,
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = { interfaceLanguage: 'en' };
