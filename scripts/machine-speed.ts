/**
 * The machine's speed at the moment, by a fixed piece of JavaScript (serializing small objects
 * and hashing a string, as a prediction does). The shared two-core machine the benchmarks were
 * written on switches between two speeds about 1.7 times apart, from one minute to the next, for
 * any JavaScript at all, and every figure a benchmark prints moves with it: the benchmarks print
 * this beside their figures so that a reader can tell a slow machine from slow code.
 */
const objects = Array.from({ length: 100 }, (_, index) => ({ index, text: String(index), list: [index] }));
const text = 'x'.repeat(1000);

/** One unit of the reference work; the result is returned so that it cannot be optimized away. */
export function referenceWork(): number {
  let sum = 0;
  for (const value of objects) sum += JSON.stringify(value).length;
  for (let index = 0; index < text.length; index++) sum = Math.imul(sum ^ text.charCodeAt(index), 0x01000193);
  return sum;
}

/** Units of reference work a second, over about ms milliseconds. */
export function machineSpeed(ms = 100): number {
  let units = 0;
  let sink = 0;
  const started = performance.now();
  let now = started;
  while (now - started < ms) {
    for (let index = 0; index < 16; index++) sink ^= referenceWork();
    units += 16;
    now = performance.now();
  }
  if (sink === 0.5) console.log(sink);
  return (units * 1000) / (now - started);
}
