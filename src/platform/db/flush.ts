import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';

/**
 * Flushes, turning a unique-constraint violation (a duplicate, or a concurrent request
 * that got there first) into the caller's own error instead of an internal one.
 */
export async function flushOrConflict(em: EntityManager, conflict: () => Error): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    em.clear(); // the failed entity must not be retried by a later flush of this request
    throw conflict();
  }
}
