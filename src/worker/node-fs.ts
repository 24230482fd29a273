// open()'s view of the host's files on node (core/modules/io_shared.ts HostFS): a relative path
// from `base` (the CLI: its working directory, as python3's), which is also os.getcwd()'s answer.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { HostFS } from '../core/modules/io_shared';
import type { SessionOptions } from '../core/inspect/session';

/** the errno of a failed node fs call (the values HostFS names; anything else: ENOENT) */
function errnoOf(e: unknown): number {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 13;
  if (code === 'ENOTDIR') return 20;
  if (code === 'EISDIR') return 21;
  if (code === 'ELOOP') return 40;
  return 2;
}

export function nodeFS(base: string): HostFS {
  const at = (p: string) => resolve(base, p);
  return {
    readFile(p) {
      try {
        const b = readFileSync(at(p));
        return new Uint8Array(b.buffer, b.byteOffset, b.length);
      } catch (e) {
        return errnoOf(e);
      }
    },
    stat(p) {
      try {
        return statSync(at(p)).isDirectory() ? 'dir' : 'file';
      } catch (e) {
        return errnoOf(e);
      }
    },
    readdir(p) {
      try {
        return readdirSync(at(p));
      } catch (e) {
        return errnoOf(e);
      }
    },
    info(p) {
      try {
        const s = statSync(at(p), { bigint: true });
        return {
          mode: Number(s.mode),
          ino: s.ino,
          dev: s.dev,
          nlink: Number(s.nlink),
          uid: Number(s.uid),
          gid: Number(s.gid),
          size: Number(s.size),
          atimeNs: s.atimeNs,
          mtimeNs: s.mtimeNs,
          ctimeNs: s.ctimeNs,
          blksize: Number(s.blksize),
          blocks: Number(s.blocks),
          rdev: Number(s.rdev),
        };
      } catch (e) {
        return errnoOf(e);
      }
    },
    cwd: resolve(base),
  };
}

/** session options with open() reading the host's files from options.hostFiles (a function
 * cannot come through a worker's port: the worker makes the HostFS) */
export function withHostFiles(options: SessionOptions): SessionOptions {
  return options.hostFiles !== undefined ? { ...options, fs: nodeFS(options.hostFiles) } : options;
}
