/**
 * Random clipboard texts for the tests that cut a paste into parts: every kind of cell the parser
 * treats differently (quoted, quoted across lines and tabs, unclosed quotes, whitespace, blank lines,
 * the three line ends, a BOM, a header row). Seeded, so a failure repeats.
 */

/** A small seeded generator (mulberry32): the same seed gives the same texts on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const CELLS = [
  "",
  " ",
  "a@b.co",
  "c@d.co",
  "+351912345678",
  "Ana Silva",
  '"Ana ""Mimi"" Silva"',
  '"two\nlines"',
  '"two\r\nlines"',
  '"tab\tinside"',
  '""',
  'O"Brien',
  '"unclosed',
  '"abc"def',
  "1990-01-01",
  "31/12/1990",
  "12/31/1990",
  "0123",
  "123",
  "PRT",
  "ESP",
  "\u00a0x\u00a0",
];
const LINE_ENDS = ["\r\n", "\n", "\r"];
const HEADER = "E-mail\tNome completo\tData de nascimento\tN.º documento\tPaís\tNotes";

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)] as T;
}

export function randomPastedText(random: () => number): string {
  const lineCount = Math.floor(random() * 12);
  const lines: string[] = [];
  if (random() < 0.4) lines.push(HEADER);
  for (let line = 0; line < lineCount; line += 1) {
    const cellCount = random() < 0.15 ? 0 : 1 + Math.floor(random() * 7);
    lines.push(Array.from({ length: cellCount }, () => pick(random, CELLS)).join("\t"));
  }
  let text = lines.map((line) => line + pick(random, LINE_ENDS)).join("");
  if (random() < 0.3) text = text.replace(/(\r\n|\n|\r)$/, "");
  if (random() < 0.2) text += pick(random, ["\r\n\r\n", "\t\r\n", "\n \n"]);
  return random() < 0.1 ? `\ufeff${text}` : text;
}
