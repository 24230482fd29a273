// The native modules RefScope provides (registered once; created on import).

let done = false;
export function registerStdlib(): void {
  if (done) return;
  done = true;
}
