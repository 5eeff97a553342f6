import { type DomainErrorCode, isDomainError } from "../domain/errors";

/**
 * A click repeated (a double click, or a retry whose first attempt went through): when `work` is
 * refused with `code` because the first click did it, the answer is what the first one made
 * (`first`). Any other refusal, or nothing made by the first click, stands.
 */
export async function onceForRepeatedClicks<T>(
  work: () => Promise<T>,
  code: DomainErrorCode,
  first: () => Promise<T | undefined>,
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!(isDomainError(err) && err.code === code)) throw err;
    const made = await first();
    if (made === undefined) throw err;
    return made;
  }
}
