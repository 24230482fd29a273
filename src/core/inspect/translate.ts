// The translator the hover uses outside VS Code (the CLI, tests, the worker): vscode.l10n.t's
// contract — the English text is the key, {0}-style placeholders are filled after translation.

export type Translate = (message: string, ...args: (string | number)[]) => string;

export function makeTranslator(bundle: Record<string, string> | null): Translate {
  return (message, ...args) => {
    const text = bundle && Object.prototype.hasOwnProperty.call(bundle, message) ? bundle[message] : message;
    return text.replace(/\{(\d+)\}/g, (m, i) => {
      const n = Number(i);
      return n < args.length ? String(args[n]) : m;
    });
  };
}

/** The English texts a translator was asked for (tests check each has a translation). */
export function recordingTranslator(seen: Set<string>, inner: Translate = makeTranslator(null)): Translate {
  return (message, ...args) => {
    seen.add(message);
    return inner(message, ...args);
  };
}
