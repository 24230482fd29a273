// The course-like program the session worker tests run: n ten-line blocks, each a class, a function
// building its instances and a module name (as bench/editor/lib/common.mjs courseProgram).

/** the lines of n blocks; block i's result is r<i> on line 10*i + 10 */
export function courseBlocks(n: number, k = 3): string[] {
  const L: string[] = [];
  for (let i = 0; i < n; i++) {
    L.push(
      `class Item${i}:`,
      '    def __init__(self, n):',
      '        self.n = n',
      `        self.tags = [str(n), 'item${i}']`,
      '    def total(self, k):',
      '        return self.n * k + len(self.tags)',
      `def make${i}(count):`,
      `    items = [Item${i}(j) for j in range(count)]`,
      `    return {'name': 'block${i}', 'items': items, 'sum': sum(it.total(2) for it in items)}`,
      `r${i} = make${i}(${k + (i % 4)})`,
    );
  }
  return L;
}
