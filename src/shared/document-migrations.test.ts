import { describe, expect, it } from 'vitest';
import { interviewMigrations, libraryMigrations } from './document-migrations';
import { Interview } from './interview';
import { defaultSettings } from './settings';

// A version-1 interview exactly as the first release wrote it.
const versionOneInterview = {
  schemaVersion: 1,
  id: 'abc-123',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  title: 'Old',
  narrator: { pseudonym: 'Ji-woo', realName: '최순희', birthRegion: '', yearLeft: 2014, residence: '' },
  session: { date: '', place: '' },
  interviewer: '',
  translator: '',
  languages: { source: 'ko', target: 'en' },
  consent: { recording: true, publication: true, anonymity: 'pseudonym' },
  readerQuestion: { text: '', askerFirstName: '', askerCity: '' },
  status: 'transcribing',
  speakers: [],
  segments: [{ id: 'seg-1', start: 0, end: 1, speakerId: null, source: '안녕', translation: 'Hello', status: 'draft', notes: '' }],
  recording: null,
};

describe('document migrations', () => {
  it('upgrade a version-1 interview to a valid version-2 one, keeping everything it had', () => {
    const upgraded = Interview.parse({ ...interviewMigrations[1]!(versionOneInterview), schemaVersion: 2 });
    expect(upgraded.narrator.realName).toBe('최순희');
    expect(upgraded.segments[0]).toMatchObject({ source: '안녕', translation: 'Hello', queries: [], sourceAtTranslation: '안녕' });
    expect(upgraded.redactions).toEqual([]);
    expect(upgraded.article.blocks).toEqual([]);
  });

  it('give a version-1 library the default series settings and keep its language', () => {
    const upgraded = libraryMigrations[1]!({ schemaVersion: 1, settings: { interfaceLanguage: 'ko' }, index: {} });
    expect(upgraded.settings).toEqual({ ...defaultSettings, interfaceLanguage: 'ko' });
    expect(upgraded.glossary).toEqual([]);
  });
});
