// The disassembler (`refscope dis FILE`), in the spirit of Lib/dis.py.

import { OPS, BINOP_NAMES, CMP_NAMES } from './opcodes';
import type { CodeUnit, ConstLit } from './code';
import { parse } from '../parser/index';
import { compileModule } from './compiler';

function litRepr(l: ConstLit): string {
  switch (l.type) {
    case 'None':
      return 'None';
    case 'Ellipsis':
      return 'Ellipsis';
    case 'bool':
      return l.value ? 'True' : 'False';
    case 'int':
      return l.value.toString();
    case 'float':
      return String(l.value);
    case 'complex':
      return `${l.imag}j`;
    case 'str':
      return JSON.stringify(l.value).replace(/^"|"$/g, "'");
    case 'bytes':
      return `b'...'`;
    case 'code':
      return `<code object ${l.code.name}, line ${l.code.firstlineno}>`;
    case 'tuple':
      return '(' + l.items.map((i) => litRepr(i.lit)).join(', ') + (l.items.length === 1 ? ',)' : ')');
    case 'frozenset':
      return 'frozenset({' + l.items.map((i) => litRepr(i.lit)).join(', ') + '})';
  }
}

export function disassemble(u: CodeUnit): string {
  const lines: string[] = [];
  const targets = new Set<number>();
  const n = u.code.length / 2;
  for (let i = 0; i < n; i++) if (OPS[u.code[2 * i]].jumps) targets.add(u.code[2 * i + 1]);
  let lastLine = -1;
  for (let i = 0; i < n; i++) {
    const op = u.code[2 * i];
    const arg = u.code[2 * i + 1];
    const info = OPS[op];
    const ln = u.lines[i];
    const lineCol = ln !== lastLine && ln >= 0 ? String(ln).padStart(4) : '    ';
    if (ln !== lastLine && ln >= 0 && i > 0) lines.push('');
    if (ln >= 0) lastLine = ln;
    const mark = targets.has(i) ? '>>' : '  ';
    let argText = '';
    switch (info.argKind) {
      case 'const':
        argText = `${arg} (${litRepr(u.consts[arg].lit)})`;
        break;
      case 'name':
        argText = op === 12 ? `${arg} (${arg & 1 ? 'NULL + ' : ''}${u.names[arg >> 1]})` : `${arg} (${u.names[arg]})`;
        break;
      case 'local':
      case 'cell':
        argText = `${arg} (${u.localsplusNames[arg]})`;
        break;
      case 'jump':
        argText = `${arg} (to ${arg})`;
        break;
      case 'cmp':
        argText = `${arg} (${CMP_NAMES[arg]})`;
        break;
      case 'binop':
        argText = `${arg} (${arg >= 13 ? BINOP_NAMES[arg - 13] + '=' : BINOP_NAMES[arg]})`;
        break;
      case 'int':
        argText = String(arg);
        break;
      default:
        argText = '';
    }
    lines.push(`${lineCol} ${mark}${String(i).padStart(5)} ${info.name.padEnd(24)}${argText}`.trimEnd());
  }
  if (u.exceptionTable.length) {
    lines.push('ExceptionTable:');
    const t = u.exceptionTable;
    for (let i = 0; i < t.length; i += 5) lines.push(`  ${t[i]} to ${t[i + 1] - 1} -> ${t[i + 2]} [${t[i + 3]}]${t[i + 4] ? ' lasti' : ''}`);
  }
  let out = lines.join('\n') + '\n';
  for (const c of u.consts) {
    if (c.lit.type === 'code') out += `\nDisassembly of ${litRepr(c.lit)}:\n` + disassemble(c.lit.code);
  }
  return out;
}

export function disassembleFile(source: string, filename: string): string {
  const pr = parse(source, filename);
  if (!pr.module) return `SyntaxError: ${pr.error!.msg}\n`;
  const cr = compileModule(pr.module, filename, source);
  if (!cr.code) return `${cr.error!.type}: ${cr.error!.msg} (line ${cr.error!.lineno})\n`;
  return disassemble(cr.code);
}
