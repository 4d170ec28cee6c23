// Recordings: provider traffic recorded and replayed at the HTTP level (below every SDK), keyed
// by a hash of each request's meaningful parts, kept as committed JSONL per pipeline and model.
export { startRecordings, type Recordings, type StartOptions } from './start.js';
export { recordingSettings, checkModeFits, RecordModeError, RECORD_MODES, DEFAULT_RECORDINGS_DIR, type RecordMode, type RecordingSettings, type ActiveRecordingSettings, type RecordingChoices } from './mode.js';
export { recordingsFilePath } from './store.js';
export { requestKey, type KeyParts } from './request-key.js';
export { RecordingMissError } from './miss.js';
export { RECORDING_HEADER } from './replay.js';
export { recordingLineSchema, type RecordingLine } from './recording-line.js';
