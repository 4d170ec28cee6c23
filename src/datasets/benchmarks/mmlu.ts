// MMLU (cais/mmlu): {question, subject, choices: [4 texts], answer: 0–3}. The subject stays
// reachable as sample.subject, for a prompt such as "The following are questions about …".
import { multipleChoice } from '../mappings/multiple-choice.js';
import type { Preprocessor } from '../preprocessor.js';

export const mmlu: Preprocessor = multipleChoice({ type: 'multiple_choice', question: 'question', choices: 'choices', label: 'answer' }, 'mmlu');
