/** Pure CPython 3.11 primitives: hashing, float repr, int/str conversion, formatting. */
export * from './errors';
export * from './hash';
export * from './floatrepr';
export * from './intstr';
export {
  cpLength, parseFormatSpec, formatStrWithSpec, formatStr, formatInt, formatFloat, intToFloat,
  percentFormat, percentIntTypeErrorMessage,
} from './format';
export type { Align, FormatSpec, PercentArgs } from './format';
