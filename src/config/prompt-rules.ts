// Rules on prompts the schema cannot express: exactly one of `template` and `messages`, and
// each entry of `messages` either a message (role + content) or a loop (for_each + messages).
// (Whether each text parses as Jinja is the prompts layer's check, run at load as well.)
import type { PathIssue } from './locate.js';
import type { PipelineSpec, PromptMessageEntry } from './schema.js';

export function checkPrompts(spec: PipelineSpec): PathIssue[] {
  return spec.prompts.flatMap((prompt, i): PathIssue[] => {
    const hasTemplate = prompt.template !== undefined;
    const hasMessages = prompt.messages !== undefined;
    const entries = (prompt.messages ?? []).flatMap((entry, j) => checkEntry(entry, ['prompts', i, 'messages', j]));
    if (hasTemplate !== hasMessages) return entries;
    return [
      {
        path: ['prompts', i, hasTemplate ? 'messages' : 'prompt_id'],
        message: hasTemplate
          ? `prompt "${prompt.prompt_id}" gives both template and messages`
          : `prompt "${prompt.prompt_id}" gives neither template nor messages`,
        hint: 'Give template (one user message) or messages (a list of {role, content}), not both',
      },
    ];
  });
}

const MESSAGE_KEYS = ['role', 'content'] as const;
const LOOP_KEYS = ['for_each', 'as', 'messages'] as const;

function checkEntry(entry: PromptMessageEntry, path: PathIssue['path']): PathIssue[] {
  const loop = entry.for_each !== undefined || entry.messages !== undefined;
  const [needed, foreign] = loop ? [['for_each', 'messages'] as const, MESSAGE_KEYS] : [MESSAGE_KEYS, LOOP_KEYS];
  const shape = loop ? 'a for_each loop ({for_each, as?, messages})' : 'a message ({role, content})';
  return [
    ...foreign.filter((key) => entry[key] !== undefined).map((key): PathIssue => ({
      path: [...path, key],
      at: 'key',
      message: `"${key}" does not belong in ${shape}`,
      hint: 'An entry of messages is either {role, content} or {for_each, as, messages}',
    })),
    ...needed.filter((key) => entry[key] === undefined).map((key): PathIssue => ({
      path,
      message: `missing required field "${key}" of ${shape}`,
      hint: `Add "${key}:" here`,
    })),
  ];
}
