// Rules on prompts the schema cannot express: exactly one of `template` and `messages`.
// (Whether each text parses as Jinja is the prompts layer's check, run at load as well.)
import type { PathIssue } from './locate.js';
import type { PipelineSpec } from './schema.js';

export function checkPrompts(spec: PipelineSpec): PathIssue[] {
  return spec.prompts.flatMap((prompt, i): PathIssue[] => {
    const hasTemplate = prompt.template !== undefined;
    const hasMessages = prompt.messages !== undefined;
    if (hasTemplate !== hasMessages) return [];
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
