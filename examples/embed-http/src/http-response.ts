/** What a route answers: a status, a JSON body, and extra headers. */
export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The body of every error answer: a stable code, a sentence a person can act on, and the field it is about. */
export interface ProblemBody {
  readonly code: string;
  readonly message: string;
  readonly path?: string;
}

/** An error answer. */
export function problem(status: number, code: string, message: string, path?: string): JsonResponse {
  const body: ProblemBody = path === undefined ? { code, message } : { code, message, path };
  return { status, body };
}

/** A success answer. */
export function ok(body: unknown, status = 200): JsonResponse {
  return { status, body };
}
