// Prompt templates are Jinja (the Python pipeline's dialect) rendered into chat messages.
// @huggingface/jinja runs with trim_blocks and lstrip_blocks on, so `{% for %}` lines leave
// no blank lines behind; we only tidy what empty variables leave at the edges.
import { Template } from '@huggingface/jinja';
import type { PromptSpec } from '../config/schema.js';
import type { Sample } from '../datasets/sample.js';
import type { ChatMessage } from '../providers/types.js';

/** `vars` join the scope beside `sample` (a judge's rubric gets `output` and `reference`). */
export type RenderPrompt = (sample: Sample, vars?: Readonly<Record<string, unknown>>) => ChatMessage[];

/** Parses the template once; the returned function runs per sample in the hot loop. */
export function compilePrompt(prompt: PromptSpec): RenderPrompt {
  const specs = prompt.messages ?? [{ role: 'user' as const, content: prompt.template ?? '' }];
  const compiled = specs.map((message, index) => {
    try {
      return { role: message.role, template: new Template(message.content) };
    } catch (err) {
      const which = prompt.messages ? `messages[${index}]` : 'template';
      throw new Error(`prompt "${prompt.prompt_id}": ${which} does not parse: ${messageOf(err)}`, { cause: err });
    }
  });
  // Params are reachable both bare ({{ instruction }}) and namespaced ({{ params.instruction }}).
  const scope = { ...prompt.params, params: prompt.params };

  return (sample, vars) =>
    compiled.map(({ role, template }) => {
      let text: string;
      try {
        text = template.render({ ...scope, ...vars, sample });
      } catch (err) {
        throw new Error(`prompt "${prompt.prompt_id}": rendering sample "${sample.sample_id}" failed: ${messageOf(err)}`, { cause: err });
      }
      return { role, content: tidy(text) };
    });
}

/** Drops blank lines at both ends and caps runs of blank lines at one. */
export function tidy(text: string): string {
  return text
    .replace(/^(?:[ \t]*\r?\n)+/, '')
    .trimEnd()
    .replace(/\n(?:[ \t]*\r?\n){2,}/g, '\n\n');
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
