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
    const upgraded = Interview.parse({ ...interviewMigrations[3]!(interviewMigrations[2]!(interviewMigrations[1]!(versionOneInterview))), schemaVersion: 4 });
    expect(upgraded.narrator.realName).toBe('최순희');
    expect(upgraded.segments[0]).toMatchObject({ source: '안녕', translation: 'Hello', queries: [], sourceAtTranslation: '안녕' });
    expect(upgraded.redactions).toEqual([]);
    expect(upgraded.article.blocks).toEqual([]);
  });

  it('turn a version-2 redaction into an entity with a replacement per language', () => {
    const versionTwo = {
      ...interviewMigrations[1]!(versionOneInterview),
      redactions: [
        { id: 'red-1', term: '회령시', replacement: 'a border city', variants: ['Hoeryong', '회령'], reason: 'home town' },
        { id: 'red-2', term: 'Kim Chol', replacement: '[브로커]', variants: [], reason: '' },
      ],
    };
    const upgraded = Interview.parse({ ...interviewMigrations[3]!(interviewMigrations[2]!(versionTwo)), schemaVersion: 4 });
    expect(upgraded.redactions[0]).toEqual({
      id: 'red-1', kind: 'place', korean: ['회령시', '회령'], english: ['Hoeryong'], rejected: [], replacementKo: '[비공개]', replacementEn: 'a border city', reason: 'home town',
    });
    expect(upgraded.redactions[1]).toMatchObject({ kind: 'other', korean: [], english: ['Kim Chol'], replacementKo: '[브로커]', replacementEn: '[redacted]' });
    expect(upgraded.allowedNames).toEqual([]);
  });

  it('give a version-1 library the default series settings and keep its language', () => {
    const upgraded = libraryMigrations[1]!({ schemaVersion: 1, settings: { interfaceLanguage: 'ko' }, index: {} });
    expect(upgraded.settings).toEqual({ ...defaultSettings, interfaceLanguage: 'ko' });
    expect(upgraded.glossary).toEqual([]);
  });
});
