// A rendered prompt that holds a key's value is refused before it is sent: a sample_error at
// the prompt stage naming the variable, never its value. Refused rather than redacted: the
// prompt goes to a provider (a third party, possibly another provider than the key's), and no
// redaction in our files can call it back; a redacted prompt would also not be the prompt the
// user wrote. The key values come from every provider's variables and each backend's
// api_key_env, read from the environment when the case starts.
import { KNOWN_KEY_VARIABLES } from '../providers/resolve.js';
import type { ChatMessage } from '../providers/types.js';

/** Shorter values are not treated as keys: a test's OPENAI_API_KEY=x would refuse every "x". */
export const MIN_SECRET_LENGTH = 8;

export class SecretInPromptError extends Error {
  override readonly name = 'SecretInPrompt';
}

type Env = Readonly<Record<string, string | undefined>>;

/** The guard for one case: returns the messages unchanged, or throws naming the variable. */
export function secretGuard(keyVariables: readonly (string | undefined)[], env: Env = process.env): (messages: ChatMessage[]) => ChatMessage[] {
  const secrets = new Map<string, string>();
  for (const name of new Set([...KNOWN_KEY_VARIABLES, ...keyVariables])) {
    const value = name === undefined ? undefined : env[name]?.trim();
    if (name !== undefined && value !== undefined && value.length >= MIN_SECRET_LENGTH && !secrets.has(value)) secrets.set(value, name);
  }
  if (secrets.size === 0) return (messages) => messages;
  return (messages) => {
    for (const [index, message] of messages.entries()) {
      for (const [value, name] of secrets) {
        if (message.content.includes(value)) {
          throw new SecretInPromptError(
            `the rendered prompt (message ${index + 1}, ${message.role}) contains the value of ${name}, a key variable; it was not sent. ` +
              `Remove what puts it there (a \${${name}} in the prompt, or the key in the sample's data)`,
          );
        }
      }
    }
    return messages;
  };
}
