import { ValidationError } from '../../errors.js';

/**
 * Where in the document a problem is. Syntax errors carry the line and column (1-based) of
 * the text; schema errors the JSON pointer of the offending value, plus its line and column
 * when the document was given as text and the value could be found in it.
 */
export interface DocumentLocation {
  pointer?: string;
  line?: number;
  column?: number;
}

/** A document that cannot be imported: unreadable, not OpenAPI/Swagger, invalid, or over a limit. */
export class OpenApiDocumentError extends ValidationError {
  constructor(message: string, location: DocumentLocation, extra?: Record<string, unknown>) {
    super(message, { field: 'source', location, ...extra });
  }
}
