// Evaluating your own code: a small retrieval step and prompt builder, run over rows defined
// here. The task gets each sample, the messages rendered from own_code.yaml's prompt, the
// backend's client and the case's abort signal; what it returns is what the metrics score.
import { defineEvalSuite, type TaskFunction } from 'evalmatrix/vitest';

/** The knowledge base: in a real project, your search index or vector store. */
const NOTES = [
  { id: 'tides', text: "Ocean tides are raised mainly by the Moon's gravity, with a smaller pull from the Sun." },
  { id: 'rainbow', text: 'A rainbow forms when sunlight is refracted, reflected and dispersed inside raindrops.' },
  { id: 'seasons', text: "Seasons come from the tilt of the Earth's axis, not from its distance to the Sun." },
  { id: 'boiling', text: 'Water boils at a lower temperature at high altitude, where the air pressure is lower.' },
];

/** The dataset, as code: any array, or a function returning an iterable or async iterable. */
const questions = [
  { id: 'tides-1', question: 'What mainly causes ocean tides?', options: ['Wind over the sea', "The Moon's gravity", 'Undersea volcanoes'], answer: 1 },
  { id: 'rainbow-1', question: 'Inside what does sunlight split into a rainbow?', options: ['Raindrops', 'Clouds of dust', 'The ozone layer'], answer: 'A' },
  { id: 'seasons-1', question: 'Why does the Earth have seasons?', options: ['Its distance to the Sun changes', 'Its axis is tilted', 'The Sun gets hotter in summer'], answer: 'Its axis is tilted' },
  { id: 'boiling-1', question: 'Why does pasta take longer to cook on a mountain?', options: ['Water boils at a lower temperature there', 'Pasta is drier up there', 'Pots heat more slowly in the cold'], answer: 0 },
];

/** Picks the note sharing the most words with the question. */
function retrieve(question: string): (typeof NOTES)[number] {
  const words = new Set(question.toLowerCase().match(/[a-z]+/g) ?? []);
  const overlap = (text: string) => (text.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => words.has(w)).length;
  return NOTES.reduce((best, note) => (overlap(note.text) > overlap(best.text) ? note : best));
}

const answerWithNotes: TaskFunction = async ({ sample, messages, client, signal }) => {
  const note = retrieve(String(sample.question));
  const reply = await client.chat({ messages: [{ role: 'system', content: `Use this note if it helps: ${note.text}` }, ...messages], signal });
  return { output: reply.text, metadata: { note: note.id } };
};

defineEvalSuite('./own_code.yaml', { datasets: { questions }, task: answerWithNotes });
