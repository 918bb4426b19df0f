// For tests that receive our mail through a real SMTP listener and read it as a person would.

/** Quoted-printable (and encoded-word headers, where _ is a space) read back as UTF-8. */
function unquote(text: string): string {
  const bytes: number[] = [];
  const soft = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** A raw message as a person reads it: headers unfolded and decoded, bodies decoded. */
export function readable(raw: string): string {
  const unfolded = raw.replace(/\?=\r\n =\?UTF-8\?Q\?/g, '').replace(/\r\n[ \t]+/g, ' ');
  return unquote(
    unfolded.replace(/=\?UTF-8\?Q\?([^?]*)\?=/g, (_, q: string) => unquote(q.replace(/_/g, ' '))),
  );
}
