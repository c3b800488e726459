import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Client } from 'openapi-fetch';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';

// Typed by hand until schema.d.ts is regenerated with these routes (the shapes are the API's DTOs).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const raw = api as unknown as Client<any>;

export interface LocalizedName {
  vi: string;
  en: string;
}
export type CertificateStatus = 'valid' | 'revoked';
export interface MyCertificate {
  id: string;
  serial: string;
  kind: 'course' | 'universalisation';
  achievement: LocalizedName;
  issuedAt: string;
  status: CertificateStatus;
  verifyUrl: string;
}
export interface PublicVerification {
  serial: string;
  name: string;
  achievement: LocalizedName;
  issuedAt: string;
  issuer: string;
  status: CertificateStatus;
  revokedAt: string | null;
}
export interface VerificationResult {
  verified: boolean;
  signature: 'valid' | 'invalid';
  issuerKey: 'issuer' | 'not-issuer' | 'not-checked';
  status: 'active' | 'revoked' | 'not-checked';
  errors: string[];
  certificate: PublicVerification | null;
}
export type ConfirmationStatus = 'pending' | 'delivered' | 'failed' | 'dead';
export interface DeliveryAttempt {
  attempt: number;
  trigger: 'job' | 'replay';
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}
export interface Confirmation {
  id: string;
  serial: string;
  targetGroup: string;
  status: ConfirmationStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
  log: DeliveryAttempt[];
}

export const pdfUrl = (id: string) => `/api/v1/me/certificates/${encodeURIComponent(id)}/pdf`;
export const credentialUrl = (id: string) => `/api/v1/me/certificates/${encodeURIComponent(id)}/credential`;

export function useMyCertificates() {
  return useQuery(
    queryOptions({
      queryKey: ['certificates', 'mine'],
      queryFn: async () => (await unwrap(raw.GET('/api/v1/me/certificates', {}))) as { items: MyCertificate[] },
    }),
  );
}

export function useVerification(serial: string | undefined) {
  return useQuery({
    queryKey: ['certificates', 'verify', serial],
    enabled: !!serial,
    retry: false,
    queryFn: async () => (await unwrap(raw.GET('/api/v1/certificates/verify/{serial}', { params: { path: { serial } } }))) as PublicVerification,
  });
}

export function useVerifyCredential() {
  return useMutation({
    mutationFn: async (credential: Record<string, unknown>) =>
      (await unwrap(raw.POST('/api/v1/certificates/verify-credential', { body: { credential } }))) as VerificationResult,
  });
}

export function useConfirmations(status: ConfirmationStatus | '') {
  return useQuery({
    queryKey: ['confirmations', status],
    queryFn: async () =>
      (await unwrap(raw.GET('/api/v1/admin/confirmations', { params: { query: status ? { status } : {} } }))) as { items: Confirmation[] },
  });
}

export function useReplayConfirmation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await unwrap(raw.POST('/api/v1/admin/confirmations/{id}/replay', { params: { path: { id } } }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['confirmations'] }),
  });
}

export function useRevokeCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ serial, reason }: { serial: string; reason: string }) =>
      (await unwrap(raw.POST('/api/v1/admin/certificates/{serial}/revoke', { params: { path: { serial } }, body: { reason } }))) as PublicVerification,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['certificates'] }),
  });
}
