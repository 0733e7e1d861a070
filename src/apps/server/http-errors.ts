/** An error the server answers with its own status and a message for the client. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: 400 | 401 | 403 | 404 | 429,
    message: string,
    readonly field: string | null,
  ) {
    super(message);
  }
}

export function notFound(message: string, field: string | null = null): HttpError {
  return new HttpError(404, message, field);
}

export function badRequest(message: string, field: string | null): HttpError {
  return new HttpError(400, message, field);
}
