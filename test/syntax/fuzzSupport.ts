// Shared by the fuzz test and the fuzz benchmark: a seeded PRNG and AL-aware text mutations.

/** Mulberry32: small deterministic PRNG returning [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pieces = ['begin', 'end;', '(', ')', '[', ']', '{', '}', ';', ':=', "'", '"', '/*', '//', '#if X\n', '#endif\n', '#else\n', 'procedure', 'trigger', 'if', 'then', 'case', 'of', '..', '::', '\n', '\r', '\u00e6', '\ud83d\ude00', '\0', 'var', 'field(', 'Label'];

/** Applies 1-4 random mutations: delete/duplicate/swap/truncate token-ish spans, insert AL fragments or bytes. */
export function mutate(text: string, random: () => number): string {
  let t = text;
  const n = 1 + Math.floor(random() * 4);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(random() * (t.length + 1));
    const len = 1 + Math.floor(random() * 12);
    switch (Math.floor(random() * 6)) {
      case 0: // delete a span
        t = t.slice(0, at) + t.slice(at + len);
        break;
      case 1: // duplicate a span
        t = t.slice(0, at) + t.slice(at, at + len) + t.slice(at);
        break;
      case 2: {
        // swap two spans
        const at2 = Math.floor(random() * (t.length + 1));
        const [a, b] = at < at2 ? [at, at2] : [at2, at];
        if (b - a > len) t = t.slice(0, a) + t.slice(b, b + len) + t.slice(a + len, b) + t.slice(a, a + len) + t.slice(b + len);
        break;
      }
      case 3: // truncate
        t = t.slice(0, at);
        break;
      case 4: // insert an AL fragment
        t = t.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + t.slice(at);
        break;
      default: {
        // random characters
        let s = '';
        for (let k = 0; k < len; k++) s += String.fromCharCode(Math.floor(random() * 0x3000));
        t = t.slice(0, at) + s + t.slice(at);
      }
    }
  }
  return t;
}
