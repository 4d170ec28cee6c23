// Compiling a JSON Schema with ajv, once per schema — the one compiler behind response_format
// checks, output_json validation and the json_schema metric, so they agree on what is valid: compilation generates code and costs far
// more than validating, so validators are cached by the schema's text. The cache is keyed by
// text, not object identity, because scorer-pool workers receive a fresh copy of the params
// with every sample. ajv is loaded with the first schema (it is CommonJS, so `require` can load
// it there, synchronously): a run without a JSON Schema never loads it.
import { createRequire } from 'node:module';
import type { Ajv, ValidateFunction } from 'ajv';
import type { Ajv2019 } from 'ajv/dist/2019.js';
import type { Ajv2020 } from 'ajv/dist/2020.js';

type AnyAjv = Ajv | Ajv2019 | Ajv2020;

const require = createRequire(import.meta.url);

/** The three dialects' classes and ajv-formats, required on first use. */
function ajvModules() {
  return {
    Ajv: (require('ajv') as typeof import('ajv')).Ajv,
    Ajv2019: (require('ajv/dist/2019.js') as typeof import('ajv/dist/2019.js')).Ajv2019,
    Ajv2020: (require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')).Ajv2020,
    addFormats: require('ajv-formats') as (ajv: AnyAjv) => AnyAjv,
  };
}

const OPTIONS = {
  // Unknown keywords stay errors (a typo like "requird" would otherwise check nothing), but
  // type and tuple hints are not worth a console warning per schema.
  strictSchema: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  // `format` (email, date-time, uri, uuid…) is enforced through ajv-formats; an unknown
  // format is a schema error, like an unknown keyword.
  // Two schemas with the same $id must not collide in one shared instance.
  addUsedSchema: false,
} as const;

const instances = new Map<string, AnyAjv>();
const validators = new Map<string, ValidateFunction>();

/** The ajv for the schema's dialect: draft 2020-12 or 2019-09 when its $schema says so, else draft-07. */
function ajvFor(schema: Record<string, unknown>): AnyAjv {
  const dialect = typeof schema.$schema === 'string' && /2020-12|2019-09/.exec(schema.$schema)?.[0];
  const key = dialect || 'draft-07';
  let ajv = instances.get(key);
  if (!ajv) {
    const { Ajv, Ajv2019, Ajv2020, addFormats } = ajvModules();
    instances.set(key, (ajv = addFormats(key === '2020-12' ? new Ajv2020(OPTIONS) : key === '2019-09' ? new Ajv2019(OPTIONS) : new Ajv(OPTIONS))));
  }
  return ajv;
}

/** By the schema object itself: a case passes the same one for every sample, and the text key
 *  below would turn the whole schema into JSON each time. */
const validatorsOfObject = new WeakMap<object, ValidateFunction>();

/** The schema's validator; throws ajv's own reason when the schema itself is invalid. */
export function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  const known = validatorsOfObject.get(schema);
  if (known) return known;
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) validators.set(key, (validate = ajvFor(schema).compile(schema)));
  validatorsOfObject.set(schema, validate);
  return validate;
}
