/** The first index in `items` where `test` holds, given that it holds for every item after one where it does (a binary search). */
export function firstIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  let low = 0
  let high = items.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (test(items[middle])) high = middle
    else low = middle + 1
  }
  return low
}
