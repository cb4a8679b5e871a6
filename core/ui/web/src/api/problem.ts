import type { ApiProblem as ApiProblemShape, FieldProblem, ProblemDetails } from '../host';

/** A non-2xx answer of the API, with its problem details (RFC 9457). */
export class ApiProblem extends Error implements ApiProblemShape {
  readonly status: number;
  readonly problem: ProblemDetails;

  constructor(status: number, problem: ProblemDetails) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = status;
    this.problem = problem;
  }

  get errors(): FieldProblem[] {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }

  /** The message of the first error naming exactly this field (a JSON path: `contactMechanisms[0].value`). */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((error) => error.field === field)?.message;
  }

  /** Errors whose field is none of `known`: they have no input to sit beside, so they go in a summary. */
  unmatchedErrors(known: (field: string) => boolean): FieldProblem[] {
    return this.errors.filter((error) => !known(error.field));
  }
}

/** Reads a failed response into an ApiProblem, whatever its body (problem JSON, other JSON, text, none). */
export async function problemFrom(response: Response): Promise<ApiProblem> {
  let details: ProblemDetails = {};
  const type = response.headers.get('Content-Type') ?? '';
  try {
    if (type.includes('json')) {
      const parsed: unknown = await response.json();
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        details = parsed as ProblemDetails;
      }
    } else {
      const text = (await response.text()).trim();
      if (text && text.length < 500) details = { detail: text };
    }
  } catch {
    // an unreadable body: the status alone tells what happened
  }
  if (!details.title) details.title = response.statusText || `HTTP ${response.status}`;
  if (details.status === undefined) details.status = response.status;
  if (details.errors !== undefined && !Array.isArray(details.errors)) delete details.errors;
  return new ApiProblem(response.status, details);
}

/** A failure that is not an HTTP answer at all (network down, aborted) becomes a problem with status 0. */
export function networkProblem(error: unknown): ApiProblem {
  const message = error instanceof Error ? error.message : String(error);
  return new ApiProblem(0, { title: 'Network error', detail: message });
}
