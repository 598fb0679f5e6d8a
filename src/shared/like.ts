/** LIKE/ILIKE patterns for user text: `%` and `_` in it match themselves, not wildcards. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

export const likeContaining = (text: string) => `%${escapeLike(text)}%`;
export const likeStartingWith = (text: string) => `${escapeLike(text)}%`;
