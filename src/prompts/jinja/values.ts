// The runtime values of @huggingface/jinja as the sandbox needs them. The library exports its
// Environment and Interpreter but not its value classes, so the classes are taken from values
// the library itself makes: the sandbox's own values then pass every `instanceof` check inside
// the interpreter.
import { Environment } from '@huggingface/jinja';

/** Any value the interpreter passes around. */
export type RuntimeValue = ReturnType<Environment['lookupVariable']>;
type ValueClass<T> = new (value: T) => RuntimeValue;

/** A JS value as the interpreter sees it (objects become maps, arrays lists, functions callables). */
export function toRuntime(value: unknown): RuntimeValue {
  return new Environment().set('value', value);
}

const classOf = <T>(value: unknown) => toRuntime(value).constructor as ValueClass<T>;

export const UndefinedValue = classOf<undefined>(undefined) as new () => RuntimeValue;
export const StringValue = classOf<string>('');
const ArrayValue = classOf<RuntimeValue[]>([]);

export function isString(value: RuntimeValue): value is RuntimeValue & { value: string } {
  return value instanceof StringValue;
}

export function isArray(value: RuntimeValue): value is RuntimeValue & { value: RuntimeValue[] } {
  return value instanceof ArrayValue;
}

export function isUndefined(value: RuntimeValue): boolean {
  return value instanceof UndefinedValue;
}

/** A runtime value back as plain JS (lists, mappings, primitives); callables become undefined. */
export function toJs(value: RuntimeValue): unknown {
  const raw: unknown = value.value;
  if (Array.isArray(raw)) return raw.map((item: RuntimeValue) => toJs(item));
  if (raw instanceof Map) return Object.fromEntries([...(raw as Map<string, RuntimeValue>)].map(([key, item]) => [key, toJs(item)]));
  return typeof raw === 'function' ? undefined : raw;
}

/** Items of a list, keys of a mapping; 0 for anything else. */
export function lengthOf(value: RuntimeValue): number {
  const raw: unknown = value.value;
  return Array.isArray(raw) ? raw.length : raw instanceof Map ? raw.size : 0;
}
