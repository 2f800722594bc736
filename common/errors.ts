/** The one error body every route answers with (DESIGN: Errors). */
export type ErrorBody = {
  error: { code: string; message: string; fields?: Record<string, string[]> };
};
