import { useTranslation } from 'react-i18next';
import type { Interview } from '../../../shared/interview';
import { redactionTerms } from '../../../shared/redaction';
import { formatTimecode } from '../../../shared/timecode';
import { HighlightedText } from '../../components/HighlightedText';

export function TranscriptPanel({ interview, mediaBaseUrl }: { interview: Interview; mediaBaseUrl: string }) {
  const { t } = useTranslation();
  const terms = redactionTerms(interview);
  const speakers = new Map(interview.speakers.map((speaker) => [speaker.id, speaker]));
  const recordingUrl = interview.recording
    ? `${mediaBaseUrl}${encodeURIComponent(interview.id)}/${encodeURIComponent(interview.recording.fileName)}`
    : null;
  return (
    <div className="transcript">
      <div className="player-bar">
        <span className="label">{t('transcribe.recording')}</span>
        {recordingUrl ? <audio controls preload="metadata" src={recordingUrl} /> : <span className="muted">{t('transcribe.noRecording')}</span>}
        <span className="muted">{t('transcribe.segments', { count: interview.segments.length })}</span>
      </div>
      {interview.segments.length === 0 ? (
        <p className="muted pad">{t('transcribe.empty')}</p>
      ) : (
        <table className="grid segments" data-testid="segments">
          <thead>
            <tr>
              <th className="time">{t('transcribe.columns.time')}</th>
              <th className="speaker">{t('transcribe.columns.speaker')}</th>
              <th>{t('transcribe.columns.text')}</th>
            </tr>
          </thead>
          <tbody>
            {interview.segments.map((segment) => {
              const speaker = segment.speakerId ? speakers.get(segment.speakerId) : undefined;
              return (
                <tr key={segment.id} data-segment-id={segment.id}>
                  <td className="time mono">{formatTimecode(segment.start)}</td>
                  <td className="speaker">
                    <span className="speaker-dot" style={{ background: speaker?.color ?? '#999' }} />
                    {speaker?.name ?? t('transcribe.unknownSpeaker')}
                  </td>
                  <td className="source" lang={interview.languages.source}>
                    <HighlightedText text={segment.source} terms={terms} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
