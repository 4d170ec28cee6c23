// Datasets: where rows come from (the loader) and how a row becomes a sample (preprocess).
import { z } from 'zod';
import { id } from './common.js';

/** Built-in preprocessors for common benchmarks' column formats; `none` keeps rows as they are. */
export const PREPROCESS_NAMES = ['none', 'piqa', 'mmlu', 'arc', 'hellaswag', 'boolq', 'gsm8k', 'truthfulqa_mc1'] as const;
export type PreprocessName = (typeof PREPROCESS_NAMES)[number];

/** A column name, or a dotted path into nested fields (`answers.text`). */
const column = z.string().min(1);

/** Columns of any benchmark mapped onto a question, options and a gold answer. */
export const multipleChoiceMappingSchema = z
  .object({
    type: z.literal('multiple_choice'),
    question: column,
    /** One column holding a list, or a list of columns, one per option. */
    choices: z.union([column, z.array(column).min(2)]),
    /** The gold option: an index (0-based), a letter, or the option's text. */
    label: column,
    /** Option letters (default A, B, C, …). */
    letters: z.array(z.string().min(1)).min(2).optional(),
  })
  .strict()
  .superRefine((mapping, ctx) => {
    const { letters, choices } = mapping;
    if (letters === undefined) return;
    const repeated = letters.find((letter, i) => letters.indexOf(letter) !== i);
    if (repeated !== undefined) ctx.addIssue({ code: 'custom', path: ['letters'], message: `letter "${repeated}" appears twice; each option needs its own` });
    if (Array.isArray(choices) && letters.length < choices.length) {
      ctx.addIssue({ code: 'custom', path: ['letters'], message: `${letters.length} letters for ${choices.length} choice columns; give one letter per choice` });
    }
  });

export const qaMappingSchema = z
  .object({
    type: z.literal('qa'),
    question: column,
    answer: column,
    /** Optional passage shown with the question (sample.context). */
    context: column.optional(),
  })
  .strict();

export const classificationMappingSchema = z
  .object({
    type: z.literal('classification'),
    input: column,
    label: column,
    /** The label set: a label given as an index is mapped through it. */
    labels: z.array(z.string().min(1)).min(2).optional(),
  })
  .strict();

export const columnMappingSchema = z.discriminatedUnion('type', [multipleChoiceMappingSchema, qaMappingSchema, classificationMappingSchema]);
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const preprocessSchema = z.union([z.enum(PREPROCESS_NAMES), columnMappingSchema]);
export type PreprocessSpec = z.infer<typeof preprocessSchema>;

const datasetParamsSchema = z
  .object({ preprocess: preprocessSchema.default('none') })
  .strict()
  .default({ preprocess: 'none' });

const fileDataset = <L extends string, S extends z.ZodRawShape>(loader: L, extra: S) =>
  z
    .object({
      dataset_id: id,
      loader: z.literal(loader),
      /** Relative to the pipeline file. */
      path: z.string().min(1),
      params: datasetParamsSchema,
      ...extra,
    })
    .strict();

export const jsonlDatasetSchema = fileDataset('jsonl', {});
export type JsonlDatasetSpec = z.infer<typeof jsonlDatasetSchema>;

/** A JSON file holding an array of rows, or an object whose `key` (default `rows`) holds it. */
export const jsonDatasetSchema = fileDataset('json', { key: z.string().min(1).optional() });
export type JsonDatasetSpec = z.infer<typeof jsonDatasetSchema>;

/** Delimited text with a header row; quoting and a BOM are handled. */
export const csvDatasetSchema = fileDataset('csv', {
  delimiter: z
    .string()
    .length(1)
    .refine((d) => !['"', '\n', '\r'].includes(d), 'the delimiter cannot be a quote or a line break')
    .optional(),
});
export type CsvDatasetSpec = z.infer<typeof csvDatasetSchema>;
export const tsvDatasetSchema = fileDataset('tsv', {});
export type TsvDatasetSpec = z.infer<typeof tsvDatasetSchema>;

/** Rows written in the YAML itself. */
export const inlineDatasetSchema = z
  .object({
    dataset_id: id,
    loader: z.literal('inline'),
    /** At least one: an empty dataset is an error wherever it comes from. */
    rows: z.array(z.record(z.string(), z.unknown())).min(1, 'an inline dataset needs at least one row'),
    params: datasetParamsSchema,
  })
  .strict();
export type InlineDatasetSpec = z.infer<typeof inlineDatasetSchema>;

/** Rows supplied by the eval file: defineEvalSuite(config, {datasets: {<id>: rows}}). */
export const codeDatasetSchema = z
  .object({
    dataset_id: id,
    loader: z.literal('code'),
    params: datasetParamsSchema,
  })
  .strict();
export type CodeDatasetSpec = z.infer<typeof codeDatasetSchema>;

/** A public dataset on the Hugging Face hub, read through its dataset-viewer API. */
export const hfHubDatasetSchema = z
  .object({
    dataset_id: id,
    loader: z.literal('hf_hub'),
    hub_params: z
      .object({
        /** `owner/name`, or a legacy short name such as `piqa`. */
        hub_id: z.string().min(1),
        split: z.string().min(1),
        /** The subset; found from the split when the dataset has one subset with it. */
        config: z.string().min(1).optional(),
        /** A branch, tag or commit; checked against what the dataset viewer serves. */
        revision: z.string().min(1).optional(),
      })
      .strict(),
    params: datasetParamsSchema,
  })
  .strict();
export type HfHubDatasetSpec = z.infer<typeof hfHubDatasetSchema>;

export const datasetSchema = z.discriminatedUnion('loader', [
  jsonlDatasetSchema,
  jsonDatasetSchema,
  csvDatasetSchema,
  tsvDatasetSchema,
  inlineDatasetSchema,
  codeDatasetSchema,
  hfHubDatasetSchema,
]);
export type DatasetSpec = z.infer<typeof datasetSchema>;
/** The loaders that read a file at `path`. */
export type FileDatasetSpec = JsonlDatasetSpec | JsonDatasetSpec | CsvDatasetSpec | TsvDatasetSpec;
export const FILE_LOADERS = ['jsonl', 'json', 'csv', 'tsv'] as const;
