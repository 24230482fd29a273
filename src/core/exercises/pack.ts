// Reading an exercise pack from text (the host passes the files in: no node:fs here).

import type { ExerciseMeta, ExerciseFiles, CheckInfo } from './types';
import { MARKER_RE } from './types';

/** Parse and validate exercise.json; throws an Error naming the problem. */
export function parseMeta(text: string, folderId: string): ExerciseMeta {
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch (e) {
    throw new Error(`${folderId}/exercise.json is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!j || typeof j !== 'object') throw new Error(`${folderId}/exercise.json must be an object`);
  const o = j as Record<string, unknown>;
  const id = o.id ?? folderId;
  if (typeof id !== 'string' || id !== folderId) throw new Error(`${folderId}/exercise.json: "id" must be "${folderId}" (the folder)`);
  if (typeof o.title !== 'string' || !o.title) throw new Error(`${folderId}/exercise.json: "title" (a string) is required`);
  if (o.titles !== undefined && (typeof o.titles !== 'object' || o.titles === null)) throw new Error(`${folderId}/exercise.json: "titles" must be an object`);
  if (o.requires !== undefined && !(Array.isArray(o.requires) && o.requires.every((x) => typeof x === 'string'))) throw new Error(`${folderId}/exercise.json: "requires" must be a list of names`);
  for (const k of ['stepLimit', 'timeLimitSeconds'] as const)
    if (o[k] !== undefined && !(typeof o[k] === 'number' && (o[k] as number) > 0)) throw new Error(`${folderId}/exercise.json: "${k}" must be a positive number`);
  return o as unknown as ExerciseMeta;
}

/** The check_* functions of check.py in definition order, with their docstring's first line. */
export function listChecks(checkSource: string): CheckInfo[] {
  const lines = checkSource.split(/\r?\n/);
  const out: CheckInfo[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^def\s+(check_\w+)\s*\(/.exec(lines[i]);
    if (!m) continue;
    let title = m[1];
    // the docstring: the first non-blank line after the def line(s)
    for (let j = i + 1; j < Math.min(lines.length, i + 6); j++) {
      const d = /^\s+(?:"""|''')(.*?)(?:"""|''')?\s*$/.exec(lines[j]);
      if (d) {
        if (d[1].trim()) title = d[1].trim();
        break;
      }
    }
    out.push({ id: m[1], title, line: i + 1 });
  }
  return out;
}

/** The exercise id of a file whose first line is the marker, or null. */
export function exerciseIdOf(source: string): string | null {
  const first = source.split(/\r?\n/, 1)[0] ?? '';
  const m = MARKER_RE.exec(first.replace(/^\uFEFF/, ''));
  return m ? m[1] : null;
}

/** A message template translated (English when no translation) and filled: {0}, {1}... and {name}. */
export function translateMessage(files: Pick<ExerciseFiles, 'messages'> | null, lang: string, template: string): string {
  if (!files || lang === 'en') return template;
  return files.messages[lang]?.[template] ?? template;
}

export function exerciseTitle(meta: ExerciseMeta, lang: string): string {
  return (lang !== 'en' && meta.titles?.[lang]) || meta.title;
}

/** The statement in the language, else English. */
export function statement(files: ExerciseFiles, lang: string): string {
  return files.statements[lang] ?? files.statements.en ?? '';
}

/** Normalise a VS Code / CLI language id to the pack's ("zh-cn" or "en"). */
export function packLang(lang: string | undefined): string {
  const l = (lang ?? 'en').toLowerCase();
  return l.startsWith('zh') ? 'zh-cn' : 'en';
}
