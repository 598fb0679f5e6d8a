import type { ExtensionModuleName, FormFieldType } from '../__generated__/types.js';

/** The GraphQL enums are the SCREAMING_CASE of the names Plugboard (and Dify) use. */
export const toModuleEnum = (name: string) => name.toUpperCase() as ExtensionModuleName;
export const fromModuleEnum = (value: ExtensionModuleName) => value.toLowerCase();
export const toFieldTypeEnum = (type: string) => type.toUpperCase() as FormFieldType;
