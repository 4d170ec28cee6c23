// The prompts layer's load-time check: every Jinja text of the pipeline parses — each prompt's
// template, message contents and for_each expressions, and each backend's mock_reply — so a
// syntax error is reported when the pipeline loads, at its file:line, not at the first sample.
// Pass it to loadPipeline's `checks`.
import type { PipelineCheck } from '../config/load.js';
import type { PathIssue } from '../config/locate.js';
import { compileJinja, JinjaSyntaxError } from './jinja/template.js';
import { compilePrompt, PromptSyntaxError } from './render.js';

const HINT = 'Fix the Jinja syntax: {{ expression }}, {% for x in list %}…{% endfor %}, {% if test %}…{% endif %}';

export function promptChecks(): PipelineCheck {
  return (spec) => [
    ...spec.prompts.flatMap((prompt, i): PathIssue[] => {
      try {
        compilePrompt(prompt);
        return [];
      } catch (error) {
        if (!(error instanceof PromptSyntaxError)) throw error;
        return error.problems.map(({ path, reason }) => ({ path: ['prompts', i, ...path], message: `Jinja syntax error: ${reason}`, hint: HINT }));
      }
    }),
    ...spec.backends.flatMap((backend, i): PathIssue[] => {
      const template = backend.config.mock_reply;
      if (template === undefined) return [];
      try {
        compileJinja(template);
        return [];
      } catch (error) {
        if (!(error instanceof JinjaSyntaxError)) throw error;
        return [{ path: ['backends', i, 'config', 'mock_reply'], message: `Jinja syntax error: ${error.message}`, hint: HINT }];
      }
    }),
  ];
}
