// strict_undefined: @huggingface/jinja renders a variable or field that does not exist as
// nothing. The sandbox returns a Missing value instead, an undefined that remembers the path it
// was looked up by (`sample.answer`), so tests (`is defined`), truthiness (`{% if x %}`),
// `x or y` and `x | default(y)` behave exactly as before, while printing it, looping over it,
// reading a field of it, filtering it or computing with it fails naming the path.
import { UndefinedValue, type RuntimeValue } from './values.js';

export class Missing extends UndefinedValue {
  constructor(readonly path: string) {
    super();
  }
}

export function isMissing(value: RuntimeValue): value is Missing {
  return value instanceof Missing;
}

export class MissingVariableError extends Error {
  override readonly name = 'MissingVariableError';

  constructor(readonly path: string, use: string) {
    super(`${path} is undefined (${use})`);
  }
}

/** How an expression reads in an error: `sample.metadata.option_map`, `sample["a b"]`. */
export function describeExpression(node: AstNode, key?: RuntimeValue): string {
  switch (node.type) {
    case 'Identifier':
      return String(node.value);
    case 'MemberExpression': {
      const object = describeExpression(node.object as AstNode);
      if (!node.computed) return `${object}.${String((node.property as AstNode).value)}`;
      return `${object}[${key === undefined ? '…' : JSON.stringify(key.value)}]`;
    }
    default:
      return 'an expression';
  }
}

/** The AST as the sandbox reads it: a node type and the fields it uses. */
export interface AstNode {
  type: string;
  [field: string]: unknown;
}
