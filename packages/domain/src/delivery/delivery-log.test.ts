import { describe, expect, it } from 'vitest';
import { deliveryState, maskedAddress, type DeliveryFacts } from './delivery-log';

describe('deliveryState', () => {
  it.each<[string, DeliveryFacts, string]>([
    ['waiting for its first try', { messageStatus: 'queued', job: { status: 'pending', attempts: 0 } }, 'queued'],
    ['being sent for the first time', { messageStatus: 'queued', job: { status: 'running', attempts: 1 } }, 'queued'],
    ['being sent again', { messageStatus: 'queued', job: { status: 'running', attempts: 2 } }, 'retrying'],
    ['failed once, waiting to try again', { messageStatus: 'queued', job: { status: 'pending', attempts: 1 } }, 'retrying'],
    ['past its limit', { messageStatus: 'queued', job: { status: 'failed', attempts: 8 } }, 'gave-up'],
    ['marked failed', { messageStatus: 'failed', job: null }, 'gave-up'],
    ['sent', { messageStatus: 'sent', job: { status: 'done', attempts: 2 } }, 'sent'],
    ['sent directly (risk pathway)', { messageStatus: 'sent', job: null }, 'sent'],
    ['kept in the development outbox', { messageStatus: 'dev_outbox', job: { status: 'done', attempts: 1 } }, 'kept-for-development'],
  ])('%s: %s', (_, facts, state) => {
    expect(deliveryState(facts)).toBe(state);
  });
});

describe('maskedAddress', () => {
  it.each([
    ['sam.patel@example.org', 's•••@example.org'],
    ['a@b.c', 'a•••@b.c'],
    ['no-at-sign', '•••'],
    ['@example.org', '•••'],
  ])('%s → %s', (address, masked) => {
    expect(maskedAddress(address)).toBe(masked);
  });
});
