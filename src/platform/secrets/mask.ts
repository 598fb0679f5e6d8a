/** Values this short are masked whole: showing 4 of their characters would give too much away. */
const FULLY_MASKED_BELOW = 9;
const STARS = '******';

/** `ab******yz`: enough to recognise a secret, not to use it. The star count never reveals the length. */
export function maskSecret(value: string): string {
  const chars = [...value];
  if (chars.length < FULLY_MASKED_BELOW) return STARS;
  return `${chars.slice(0, 2).join('')}${STARS}${chars.slice(-2).join('')}`;
}

/**
 * The secrets to store after an update that sent `incoming`: a value equal to the stored
 * value's mask (the client echoed what it read) keeps the stored secret; a field sent empty,
 * null or not at all is removed. (Callers that leave credentials out keep them all.)
 */
export function mergeSecrets(
  stored: Record<string, string>,
  incoming: Record<string, string | null | undefined>,
): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value == null || value === '') continue;
    const previous = stored[name];
    merged[name] = previous !== undefined && value === maskSecret(previous) ? previous : value;
  }
  return merged;
}
