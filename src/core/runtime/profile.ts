// CPython-version profiles: the reference rules that differ between versions live here, so that
// 3.10 / 3.12 / 3.13 / 3.14 can be added as profiles (see the semantics document, section 7).
// Only 3.11 is implemented and tested today.

export interface VersionProfile {
  version: string;
  /** 3.11+: CALL of a Python function moves the argument references into the callee's frame;
   * 3.10: the caller's stack keeps them and the frame takes new references (+2 per level). */
  callMovesArguments: boolean;
  /** gc.get_threshold() defaults */
  gcThresholds: [number, number, number];
  /** gc.get_count() when a script's first statement runs: what the interpreter's start-up (site
   * and the rest) and the module's own function object left (see gcbaseline.ts) */
  gcCountAtStart: [number, number, number];
  /** gc.get_stats() then: the collections the start-up ran, per generation (collections,
   * collected, uncollectable) */
  gcStatsAtStart: [number, number, number][];
  /** the count shown for shared objects (small ints, None, ...); null = ~1e9 + k as in 3.11 */
  immortalRefcount: number | null;
  /** 3.11: list/dict/set comprehensions run in a hidden function (3.12 inlines them, PEP 709) */
  comprehensionsAreFunctions: boolean;
}

export const PROFILE_311: VersionProfile = {
  version: '3.11',
  callMovesArguments: true,
  gcThresholds: [700, 10, 10],
  gcCountAtStart: [249, 0, 2],
  gcStatsAtStart: [
    [22, 43, 0],
    [2, 92, 0],
    [0, 0, 0],
  ],
  immortalRefcount: null,
  comprehensionsAreFunctions: true,
};

export let profile: VersionProfile = PROFILE_311;

export function setProfile(p: VersionProfile): void {
  profile = p;
}
