/** What the app accepts as a recording: audio files, and the audio of mp4/mov videos. */
export const recordingExtensions = ['mp3', 'm4a', 'aac', 'wav', 'ogg', 'oga', 'opus', 'flac', 'webm', 'mp4', 'mov'];

export const isRecordingFileName = (fileName: string): boolean => recordingExtensions.includes(fileName.toLowerCase().split('.').pop() ?? '');
