/**
 * One error type for everything a person may be told, one code → HTTP
 * status table, and one mapper. Anything that is not an AppError is a bug:
 * logged with its stack and shown as "Something went wrong".
 */
export const STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  VALIDATION: 400,
  TOO_LARGE: 413,
  /** a body in a format or encoding the endpoint does not take */
  UNSUPPORTED: 415,
  RATE_LIMITED: 429,
  /** something we depend on (storage, the database) refused: nothing was recorded, trying later may work */
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what = "That") => new AppError("NOT_FOUND", `${what} was not found.`);
export const forbidden = (message = "You are not allowed to do that.") => new AppError("FORBIDDEN", message);
export const unauthenticated = () => new AppError("UNAUTHENTICATED", "Sign in to continue.");

export interface ErrorBody {
  error: { code: string; message: string } & Record<string, unknown>;
}

/** The JSON every API answers with when something is refused. */
export function errorBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: { error: { ...error.details, code: error.code.toLowerCase(), message: error.message } },
    };
  }
  console.error(error);
  return { status: 500, body: { error: { code: "internal", message: "Something went wrong." } } };
}

/** The sentence a person sees in the UI. */
export function messageFor(error: unknown): string {
  if (error instanceof AppError) return error.message;
  console.error(error);
  return "Something went wrong.";
}
