// Generated PIQA-format rows ({goal, sol1, sol2, label}), deterministic, written once per size.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const GOALS = ['keep bread fresh', 'loosen a tight jar lid', 'clean a cast iron pan', 'dry wet shoes', 'stop a door from squeaking', 'chill a drink quickly'];

export async function writePiqaRows(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  for (let i = 0; i < count; i++) {
    const goal = GOALS[i % GOALS.length]!;
    const row = { goal: `How do you ${goal}? (#${i})`, sol1: `Do the sensible thing for ${goal}.`, sol2: `Do the odd thing for ${goal}.`, label: (i * 7) % 2 };
    if (!out.write(JSON.stringify(row) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
