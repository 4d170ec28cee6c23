// A multiple-choice quiz read from a CSV file: see science_quiz.yaml.
import { defineEvalSuite } from 'evalmatrix/vitest';

defineEvalSuite('./science_quiz.yaml');
