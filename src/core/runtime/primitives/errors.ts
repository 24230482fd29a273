/**
 * Error thrown by the primitives; the interpreter maps it to the Python
 * exception `pyType` with `message` (messages are exactly CPython 3.11's).
 */
export type FormatErrorType = 'ValueError' | 'TypeError' | 'OverflowError';

export class FormatError extends Error {
  readonly pyType: FormatErrorType;
  constructor(pyType: FormatErrorType, message: string) {
    super(message);
    this.pyType = pyType;
    this.name = 'FormatError';
  }
}
