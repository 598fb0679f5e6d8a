import type { Language } from './__generated__/types.js';

/** GraphQL's Language enum and the BCP 47 tags stored and used by the mail templates. */
export const toLanguageTag = (language: Language): string => (language === 'ZH_HANS' ? 'zh-Hans' : 'en');
export const toLanguageEnum = (tag: string): Language => (tag === 'zh-Hans' ? 'ZH_HANS' : 'EN');
