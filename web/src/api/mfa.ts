import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  LoginCodeSent,
  MfaMethod,
  MfaPolicy,
  MfaPolicyBody,
  MfaSendBody,
  MfaVerifyBody,
  MyMfaView,
  PasskeyVerifyBody,
  RecoveryCodes,
  TotpSetup,
} from '../../../common/mfa.js';
import type { LoginResult } from '../../../common/session.js';
import { api, seg } from './client.js';
import { sessionKey, useApplyLoginResult } from './session.js';

export const myMfaKey = ['me', 'mfa'] as const;

export function useSendLoginCode() {
  return useMutation({
    mutationFn: (body: MfaSendBody) => api.post<LoginCodeSent>('/api/auth/mfa/send', body),
  });
}

export function useVerifyLoginStep() {
  const apply = useApplyLoginResult();
  return useMutation({
    mutationFn: (body: MfaVerifyBody | PasskeyVerifyBody) =>
      api.post<LoginResult>('/api/auth/mfa/verify', body),
    onSuccess: apply,
  });
}

export function useMyMfa() {
  return useQuery({ queryKey: myMfaKey, queryFn: () => api.get<MyMfaView>('/api/me/mfa') });
}

/** Mutations of the own factors refresh the factor overview and the session (pending enrolment). */
function useRefreshMfa() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: myMfaKey }),
      queryClient.invalidateQueries({ queryKey: sessionKey }),
    ]);
}

export function useReauthenticate() {
  return useMutation({ mutationFn: (password: string) => api.post<void>('/api/me/reauth', { password }) });
}

export function useTotpSetup() {
  return useMutation({ mutationFn: () => api.post<TotpSetup>('/api/me/mfa/totp/setup') });
}

/** Confirming does not refresh yet: the recovery codes are shown first, then `done` refreshes. */
export function useTotpConfirm() {
  return useMutation({
    mutationFn: (code: string) => api.post<RecoveryCodes>('/api/me/mfa/totp/confirm', { code }),
  });
}

export function useRemoveTotp() {
  const onSuccess = useRefreshMfa();
  return useMutation({ mutationFn: () => api.delete<void>('/api/me/mfa/totp'), onSuccess });
}

export function useRegenerateRecoveryCodes() {
  return useMutation({ mutationFn: () => api.post<RecoveryCodes>('/api/me/mfa/recovery-codes') });
}

export function useRequestMobileVerification() {
  return useMutation({
    mutationFn: (mobile: string) => api.post<void>('/api/me/mobile/verification', { mobile }),
  });
}

export function useConfirmMobile() {
  const onSuccess = useRefreshMfa();
  return useMutation({
    mutationFn: (code: string) => api.post<void>('/api/me/mobile/verification/confirm', { code }),
    onSuccess,
  });
}

export function useSavePreferredMethod() {
  const onSuccess = useRefreshMfa();
  return useMutation({
    mutationFn: (method: MfaMethod) => api.put<void>('/api/me/mfa/preferred', { method }),
    onSuccess,
  });
}

/** Refreshes the overview after a step the user finished in a dialog (TOTP pairing). */
export function useMfaRefresh() {
  return useRefreshMfa();
}

const policyKey = (organizationId: string) => ['mfaPolicy', organizationId] as const;
const policyPath = (organizationId: string) => `/api/organizations/${seg(organizationId)}/mfa-policy`;

export function useMfaPolicy(organizationId: string) {
  return useQuery({
    queryKey: policyKey(organizationId),
    queryFn: () => api.get<MfaPolicy>(policyPath(organizationId)),
  });
}

export function useSaveMfaPolicy(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MfaPolicyBody) => api.put<MfaPolicy>(policyPath(organizationId), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policyKey(organizationId) }),
  });
}
