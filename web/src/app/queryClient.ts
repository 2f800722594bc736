import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client.js';
import { sessionKey } from '../api/session.js';

function isClientError(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

/** Answers after which the session must be read again (gone, or a pending step such as new terms). */
const sessionChangingCodes = new Set(['password_change_required', 'terms_required']);

function changesSession(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.status === 401) return error.code !== 'invalid_credentials';
  return error.status === 403 && sessionChangingCodes.has(error.code);
}

/** A query client that re-checks the session whenever the server says it is gone or blocked. */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (changesSession(error)) void client.invalidateQueries({ queryKey: sessionKey });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.queryKey[0] !== sessionKey[0]) onError(error);
      },
    }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
