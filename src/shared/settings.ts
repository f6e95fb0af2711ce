import { z } from 'zod';
import { defaultSpeechSettings, SpeechSettings } from './speech';

export const interfaceLanguages = ['en', 'ko'] as const;
export const InterfaceLanguage = z.enum(interfaceLanguages);
export type InterfaceLanguage = z.infer<typeof InterfaceLanguage>;

/** The column series an article belongs to: set once, reused by every draft. */
export const SeriesSettings = z.object({
  name: z.string().max(200),
  boilerplate: z.string().max(5000),
  howToSubmit: z.string().max(2000),
});
export type SeriesSettings = z.infer<typeof SeriesSettings>;

export const Settings = z.object({
  interfaceLanguage: InterfaceLanguage,
  series: SeriesSettings,
  /** What exported documents give as author and last editor. Empty by default: files get forwarded. */
  documentAuthor: z.string().max(200),
  /** Key bindings the user changed, by action; the rest use the defaults. */
  keymap: z.record(z.string(), z.string().max(60)),
  /** How far back/forward jump, and how much playback rewinds when resumed (oTranscribe: 1.5 s). */
  playback: z.object({ stepSeconds: z.number().min(0.1).max(60), rewindOnResumeSeconds: z.number().min(0).max(10) }),
  /** An encrypted library locks itself after this many idle minutes (0: never). */
  idleLockMinutes: z.number().int().min(0).max(240),
  /** Local speech recognition: the model files the user brought, and how drafts use them. */
  speech: SpeechSettings,
  /** Subtitle line length for Korean (English follows the usual 42 characters). */
  subtitles: z.object({ koreanLineChars: z.number().int().min(8).max(42) }),
  /** House style for English text in exports (AP by default). */
  typography: z.object({ dashSpacing: z.enum(['spaced', 'closed']) }),
  /** How times read in the Transcribe rows: tenths, milliseconds, or frames at a frame rate. */
  rowTimes: z.object({ unit: z.enum(['tenths', 'milliseconds', 'frames']), framesPerSecond: z.number().int().min(1).max(120) }),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSeries: SeriesSettings = {
  name: 'Ask a North Korean',
  boilerplate:
    'Ask a North Korean is a series in which people who grew up in North Korea answer readers’ questions about life there. Most of the writers left the country within the last few years.',
  howToSubmit: 'Have a question? Send it with your first name and city, and we will put it to our writers.',
};

export const defaultSettings: Settings = {
  interfaceLanguage: 'en',
  series: defaultSeries,
  documentAuthor: '',
  keymap: {},
  playback: { stepSeconds: 1.5, rewindOnResumeSeconds: 1.5 },
  idleLockMinutes: 15,
  speech: defaultSpeechSettings,
  subtitles: { koreanLineChars: 20 },
  typography: { dashSpacing: 'spaced' },
  rowTimes: { unit: 'tenths', framesPerSecond: 25 },
};
