/**
 * Polls until a probe's answer passes, or a deadline: for effects that follow a
 * write asynchronously (the gateway reloading its route table or its keys).
 * Returns the last answer either way, so the assertion that follows names it.
 */
export async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 2000): Promise<T> {
  const deadline = Date.now() + ms;
  let last = await probe();
  while (!ok(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
    last = await probe();
  }
  return last;
}
