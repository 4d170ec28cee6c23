// README "Recordings" stays true to the code: its example line is a line the decoder accepts and
// the encoder writes field for field, its modes are the modes, its folder is the default.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RECORDINGS_DIR, RECORD_MODES, RECORDING_HEADER } from '../../src/recordings/index.js';
import { decodeRecordingLine, encodeRecordingLine } from '../../src/recordings/recording-line.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Recordings'), readme.indexOf('\n## ', readme.indexOf('## Recordings') + 1));

describe('README Recordings', () => {
  it('shows a line as the recorder writes it', () => {
    const example = /```json\n(.*)\n```/.exec(section)![1]!;
    const decoded = decodeRecordingLine(example);
    if (!('line' in decoded)) throw new Error(decoded.problem);
    expect(encodeRecordingLine(decoded.line, [])).toBe(example);
  });

  it('names the four modes, the default folder, the variables and the replay header', () => {
    const modes = [...section.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]);
    expect(modes).toEqual([...RECORD_MODES]);
    expect(section).toContain(`${DEFAULT_RECORDINGS_DIR}/<pipeline>/<model>.jsonl`);
    for (const name of ['EVALMATRIX_RECORD', 'EVALMATRIX_RECORDINGS_DIR', RECORDING_HEADER, 'cached_count', 'cached_prompt_tokens']) expect(section).toContain(name);
  });
});
